import { badgeContent, badgeWithBase, renderBadgeSvg, shieldsEndpoint } from "#shared/badge";
import { firstHubBase } from "#shared/lineage";
import type { Report } from "#shared/report";
import { ApiError } from "../http/api-error.ts";
import { etagMatches } from "../http/etag-matches.ts";
import { parseKeyPath } from "../http/parse-key-path.ts";
import { MemoryCache } from "../kv/memory-cache.ts";
import { getReportText, getRowMetadata } from "../kv/report-store.ts";
import { redirectToCanonical } from "./redirect-to-canonical.ts";
import { pathAfter, type AppContext } from "./route-types.ts";

const LATEST_SECONDS = 300;
const NOT_ANALYSED_SECONDS = 60;
const PINNED_SECONDS = 31_536_000;
// a new report shows on the latest badge this late at most (readers cache it 300 s anyway)
const LATEST_TTL_MS = 10_000;
const rows = new MemoryCache<Awaited<ReturnType<typeof getRowMetadata>>>(10_000, 16 << 20);
// the base a report names never changes (reports are immutable), so one read per key is enough
const bases = new MemoryCache<string | null>(10_000, 4 << 20);

/**
 * The Hub id of the base a stored report names first (model.lineage), or null, for a row stored
 * before rows carried their base: this reads the report once per key and isolate.
 */
async function namedBase(kv: KVNamespace, id: string, sha: string): Promise<string | null> {
  return bases.get(`${id}@${sha}`, Infinity, async () => {
    const text = await getReportText(kv, id, sha);
    return text === null ? null : (firstHubBase((JSON.parse(text) as Report).model)?.id ?? null);
  }, (base) => 64 + (base?.length ?? 0));
}

/**
 * GET /badge/{id}[@sha].svg|.json[?base=1]. Pinned badges are immutable; latest ones are cached
 * briefly and carry an ETag (304 on a match). A model without a report gets the neutral "not
 * analysed" badge, linking to the page that starts its analysis. `?base=1` adds the α of the
 * latest report of the base the model's report names first ("3.10 well-trained (base 3.40)");
 * without a report of that base it is the plain badge. The base's report may change, so such a
 * badge is cached as a latest one even when pinned.
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
  const own = badgeContent(found === null ? null : { successfulFitAlpha: found.metadata.summary.successful_fit_alpha, layersFailed: found.metadata.summary.layers_failed });
  const withBase = c.req.query("base") === "1" && found !== null;
  const baseId = withBase ? (found.metadata.base?.id ?? (await namedBase(c.env.REPORTS, id, found.sha))) : null;
  const baseRow = baseId === null ? null : await rows.get(`${baseId}@`, LATEST_TTL_MS, () => getRowMetadata(c.env.REPORTS, baseId, null), () => 1024);
  const content = baseRow === null ? own : badgeWithBase(own, { successfulFitAlpha: baseRow.metadata.summary.successful_fit_alpha });
  const immutable = Boolean(pinned) && !withBase;
  const seconds = immutable ? PINNED_SECONDS : found === null ? NOT_ANALYSED_SECONDS : LATEST_SECONDS;
  const etag = `"${format}-${found?.sha ?? "none"}${withBase ? `-base-${baseRow?.sha ?? "none"}` : ""}"`;
  const headers: Record<string, string> = {
    "content-type": format === "svg" ? "image/svg+xml; charset=utf-8" : "application/json; charset=utf-8",
    "cache-control": immutable ? `public, max-age=${PINNED_SECONDS}, immutable` : `public, max-age=${seconds}`,
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
