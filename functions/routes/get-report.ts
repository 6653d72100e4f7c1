import { ApiError } from "../http/api-error.ts";
import { etagMatches } from "../http/etag-matches.ts";
import { parseKeyPath } from "../http/parse-key-path.ts";
import { getLatestSha, getReportText, reportKey } from "../kv/report-store.ts";
import { redirectToCanonical } from "./redirect-to-canonical.ts";
import { pathAfter, type AppContext } from "./route-types.ts";

/** GET /api/reports/{id} (latest) and /api/reports/{id}@{sha} (pinned, immutable): the report JSON. */
export async function getReport(c: AppContext): Promise<Response> {
  const { id, sha: pinned } = parseKeyPath(pathAfter(c, "/api/reports/"));
  const sha = pinned ?? (await getLatestSha(c.env.REPORTS, id));
  const text = sha === null ? null : await getReportText(c.env.REPORTS, id, sha);
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
