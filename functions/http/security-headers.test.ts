import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { headersFile } from "../../site/builder/headers-file.ts";
import { createApp } from "../app.ts";
import type { Env } from "../env.ts";
import { workerFetch } from "../../test/workers/worker-fetch.ts";

const NOTHING = "default-src 'none'; frame-ancestors 'none'";
const PAGE =
  "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const headersOf = (response: Response) => ({
  csp: response.headers.get("content-security-policy"),
  nosniff: response.headers.get("x-content-type-options"),
  referrer: response.headers.get("referrer-policy"),
});
const secured = (csp: string) => ({ csp, nosniff: "nosniff", referrer: "strict-origin-when-cross-origin" });

/** the site's pages as Workers assets would hand them to the Worker */
const assets = {
  fetch: async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === "/_live/" || path === "/404.html") return new Response(`<!doctype html><title>${path}</title>`);
    if (path === "/has/card/") return new Response("<!doctype html><title>card</title>");
    return new Response(null, { status: 404 });
  },
} as unknown as Fetcher;
const page = (path: string) => createApp().request(path, {}, { ...(env as unknown as Env), ASSETS: assets });

describe("security headers on every answer of the Worker", () => {
  it("allows nothing on the API's JSON and on errors", async () => {
    const list = await workerFetch("/api/reports?limit=1");
    expect(list.status).toBe(200);
    expect(headersOf(list)).toEqual(secured(NOTHING));
    for (const [path, init] of [["/api/nowhere", {}], ["/api/reports/org/<script>", {}], ["/api/analyze", { method: "POST", body: "{" }]] as const) {
      const error = await workerFetch(path, init);
      expect(error.status, path).toBeGreaterThanOrEqual(400);
      expect(error.headers.get("content-type"), path).toContain("application/json");
      expect(headersOf(error), path).toEqual(secured(NOTHING));
    }
  });

  it("keeps badges embeddable anywhere: no styles or scripts, no frame-ancestors, CORS open", async () => {
    const svg = await workerFetch("/badge/nobody/nothing.svg");
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    expect(headersOf(svg)).toEqual(secured("default-src 'none'"));
    expect(svg.headers.get("access-control-allow-origin")).toBe("*");
    // what the policy allows is all the badge needs: no <style>, no style or event attributes, no script
    expect(await svg.text()).not.toMatch(/<style|<script|\sstyle=|\son[a-z]+=/i);
    const notModified = await workerFetch("/badge/nobody/nothing.svg", { headers: { "if-none-match": svg.headers.get("etag")! } });
    expect(notModified.status).toBe(304);
    expect(headersOf(notModified)).toEqual(secured("default-src 'none'"));

    const json = await workerFetch("/badge/nobody/nothing.json");
    expect(headersOf(json)).toEqual(secured(NOTHING));
    expect(json.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("gives the pages it serves the site's own page policy", async () => {
    for (const [path, status] of [["/org/name", 200], ["/org/name/tree/v1.0", 200], ["/datasets/x/y", 404]] as const) {
      const response = await page(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get("content-type"), path).toContain("text/html");
      expect(headersOf(response), path).toEqual(secured(PAGE));
    }
    const redirect = await page("/has/card/tree/main");
    expect(redirect.status).toBe(302);
    expect(headersOf(redirect)).toEqual(secured(NOTHING));
  });

  it("says the same on the pages as the site's _headers", async () => {
    const response = await page("/org/name");
    for (const name of ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"]) {
      expect(headersFile("")).toContain(`  ${name}: ${response.headers.get(name)}\n`);
    }
  });
});
