import { ApiError } from "../http/api-error.ts";
import { etagMatches } from "../http/etag-matches.ts";
import { derivedKey, parseAnalysisKey } from "../job/derived-key.ts";
import { getDerivedReportText } from "../job/derived-report-store.ts";
import { MemoryCache } from "../kv/memory-cache.ts";
import type { AppContext } from "./route-types.ts";

// a stored report never changes; only found ones are kept, as getReport keeps them
const reportTexts = new MemoryCache<string | null>(200, 16 << 20);

/** Whether a key path after /api/reports/ names an analysis against a base (`…@sha/delta/…`, `…@sha/with_base/…`). */
export const isDerivedKeyPath = (rest: string): boolean => rest.includes("@") && rest.indexOf("/", rest.indexOf("@")) >= 0;

/**
 * GET /api/reports/{id}@{sha}/{delta|with_base}/{base id}@{base sha}: a report against a base,
 * pinned by both commits and so immutable. There is no `latest` of these: a trigger answers the key.
 */
export async function getDerivedReport(c: AppContext, rest: string): Promise<Response> {
  const { id, sha, base } = parseAnalysisKey(rest);
  const key = derivedKey(id, sha!, base!);
  const text = await reportTexts.get(key, Infinity, () => getDerivedReportText(c.env.REPORTS, key), (t) => (t === null ? Infinity : t.length));
  if (text === null) throw new ApiError(404, "report_not_found", `no report of ${key} yet; POST /api/analyze with "base" to start one`);
  const etag = `"${sha}-${base!.mode}-${base!.sha}"`;
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "public, max-age=31536000, immutable",
    etag,
    "x-report-key": key,
  };
  if (etagMatches(c.req.header("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers });
}
