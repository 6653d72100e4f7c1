import { ApiError } from "../http/api-error.ts";
import { etagMatches } from "../http/etag-matches.ts";
import { parseKeyPath } from "../http/parse-key-path.ts";
import { MemoryCache } from "../kv/memory-cache.ts";
import { getLatestSha, getReportText, reportKey } from "../kv/report-store.ts";
import { getDerivedReport, isDerivedKeyPath } from "./get-derived-report.ts";
import { redirectToCanonical } from "./redirect-to-canonical.ts";
import { pathAfter, type AppContext } from "./route-types.ts";

// a new report is seen here this late at most (readers cache a latest report 60 s anyway)
const LATEST_TTL_MS = 10_000;
const latestShas = new MemoryCache<string | null>(10_000, 4 << 20);
const reportTexts = new MemoryCache<string | null>(1_000, 48 << 20);

/** GET /api/reports/{id} (latest) and /api/reports/{id}@{sha} (pinned, immutable): the report JSON. */
export async function getReport(c: AppContext): Promise<Response> {
  const rest = pathAfter(c, "/api/reports/");
  // a report against a base (…@sha/delta/base@sha) is stored apart from the model's own
  if (isDerivedKeyPath(rest)) return getDerivedReport(c, rest);
  const { id, sha: pinned } = parseKeyPath(rest);
  const kv = c.env.REPORTS;
  const sha = pinned ?? (await latestShas.get(id, LATEST_TTL_MS, () => getLatestSha(kv, id)));
  // a stored report never changes; a missing one may appear any moment, so only found ones are kept
  const text = sha === null ? null : await reportTexts.get(reportKey(id, sha), Infinity, () => getReportText(kv, id, sha), (t) => (t === null ? Infinity : t.length));
  if (text === null || sha === null) {
    const moved = await redirectToCanonical(c, "/api/reports/", id);
    if (moved) return moved;
    throw new ApiError(404, "report_not_found", `no report of ${pinned ? reportKey(id, pinned) : id} yet; POST /api/analyze to start one`);
  }
  const etag = `"${sha}"`;
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "cache-control": pinned ? "public, max-age=31536000, immutable" : "public, max-age=60",
    etag,
    "x-report-key": reportKey(id, sha),
  };
  if (etagMatches(c.req.header("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers });
}
