import { parseModelPagePath } from "#shared/hub";
import { ApiError } from "../http/api-error.ts";
import { pathAfter, type AppContext } from "./route-types.ts";

// the site's page that renders any report, or follows its analysis, in the browser (site/README.md)
const LIVE_CARD = "/_live/";
const NOT_FOUND = "/404.html";

/**
 * GET /{org}/{name}, /{name}, /{org}/{name}/tree/{revision}, /{org}/{name}/blob/{revision}/…,
 * /{org}/{name}/@{sha}/: a model's page on this host, for the paths the static site has no page
 * for (Workers assets serve the ones it has before the Worker runs). The answer is the site's live
 * card, rendered in the browser from the API by the same code as the static cards; when there is
 * no report it offers a button whose click POSTs the trigger, so a GET never starts work. `…/tree/main` goes to the
 * model's card when the site has one. Anything that names no model gets the site's 404 page.
 */
export async function getModelPage(c: AppContext): Promise<Response> {
  const path = pathAfter(c, "/");
  // a lone segment with a dot is a file a browser or crawler asks for (favicon.ico, robots.txt), not a legacy model id
  const page = !path.includes("/") && path.includes(".") ? null : parseModelPagePath(path);
  if (!page?.ok) return sitePage(c, NOT_FOUND, 404);
  if (page.revision === "main" && page.sha === null) {
    const card = new URL(`/${page.id}/`, c.req.url);
    const existing = await c.env.ASSETS?.fetch(new Request(card, { method: "HEAD" }));
    if (existing?.ok) return c.redirect(card.pathname, 302);
  }
  return sitePage(c, LIVE_CARD, 200);
}

async function sitePage(c: AppContext, path: string, status: number): Promise<Response> {
  const asset = await c.env.ASSETS?.fetch(new Request(new URL(path, c.req.url)));
  if (!asset?.ok) {
    if (status === 404) throw new ApiError(404, "not_found", "there is nothing at this address");
    throw new ApiError(503, "site_not_built", "this service has no site to show model pages with: build it with `npm run site:build -- --from <this service's URL>`");
  }
  return new Response(asset.body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=300" } });
}
