import { badgeContent } from "../../shared/badge/badge-content.ts";
import { renderBadgeSvg } from "../../shared/badge/render-badge-svg.ts";
import { shieldsEndpoint } from "../../shared/badge/shields-endpoint.ts";
import { ApiError } from "../http/api-error.ts";
import { etagMatches } from "../http/etag-matches.ts";
import { parseKeyPath } from "../http/parse-key-path.ts";
import { MemoryCache } from "../kv/memory-cache.ts";
import { getRowMetadata } from "../kv/report-store.ts";
import { redirectToCanonical } from "./redirect-to-canonical.ts";
import { pathAfter, type AppContext } from "./route-types.ts";

const LATEST_SECONDS = 300;
const NOT_ANALYSED_SECONDS = 60;
const PINNED_SECONDS = 31_536_000;
// a new report shows on the latest badge this late at most (readers cache it 300 s anyway)
const LATEST_TTL_MS = 10_000;
const rows = new MemoryCache<Awaited<ReturnType<typeof getRowMetadata>>>(10_000, 16 << 20);

/**
 * GET /badge/{id}[@sha].svg|.json. Pinned badges are immutable; latest ones are cached briefly and
 * carry an ETag (304 on a match). A model without a report gets the neutral "not analysed" badge,
 * linking to the page that starts its analysis.
 */
export async function getBadge(c: AppContext): Promise<Response> {
  const rest = pathAfter(c, "/badge/");
  const format = rest.endsWith(".svg") ? "svg" : rest.endsWith(".json") ? "json" : null;
  if (format === null) throw new ApiError(404, "not_found", "a badge is /badge/org/name.svg or /badge/org/name.json");
  const { id, sha: pinned } = parseKeyPath(rest.slice(0, rest.length - format.length - 1));
  // a pinned report never changes; a missing one may appear any moment, so only found ones are kept
  const found = await rows.get(`${id}@${pinned ?? ""}`, pinned ? Infinity : LATEST_TTL_MS, () => getRowMetadata(c.env.REPORTS, id, pinned), (row) => (pinned && row === null ? Infinity : 1024));
  if (found === null) {
    const moved = await redirectToCanonical(c, "/badge/", id);
    if (moved) return moved;
  }
  if (pinned && found === null) throw new ApiError(404, "report_not_found", `no report of ${id}@${pinned}`);
  const content = badgeContent(found === null ? null : { successfulFitAlpha: found.metadata.summary.successful_fit_alpha, layersFailed: found.metadata.summary.layers_failed });
  const seconds = pinned ? PINNED_SECONDS : found === null ? NOT_ANALYSED_SECONDS : LATEST_SECONDS;
  const etag = `"${format}-${found?.sha ?? "none"}"`;
  const headers: Record<string, string> = {
    "content-type": format === "svg" ? "image/svg+xml; charset=utf-8" : "application/json; charset=utf-8",
    "cache-control": pinned ? `public, max-age=${PINNED_SECONDS}, immutable` : `public, max-age=${seconds}`,
    etag,
    "access-control-allow-origin": "*",
  };
  if (etagMatches(c.req.header("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  const body =
    format === "svg"
      ? renderBadgeSvg(content, found === null ? { link: `/${id}` } : {})
      : // shields.io caches at least 300 s
        JSON.stringify(shieldsEndpoint(content, Math.max(seconds, LATEST_SECONDS)));
  return new Response(body, { status: 200, headers });
}
