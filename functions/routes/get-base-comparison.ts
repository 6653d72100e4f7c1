import { readBaseComparison } from "../comparison/read-base-comparison.ts";
import { ApiError } from "../http/api-error.ts";
import { parseKeyPath } from "../http/parse-key-path.ts";
import { derivedKey } from "../job/derived-key.ts";
import { getLatestSha } from "../kv/report-store.ts";
import { pathAfter, type AppContext } from "./route-types.ts";

/**
 * GET /api/comparisons/{id}[@sha]: what became of comparing the model (its latest report, or the
 * commit named) with the base its card names: the state, the base at the commit compared with, the
 * delta report's URL once done, and the service's reason when there is none (docs/api.md).
 */
export async function getBaseComparison(c: AppContext): Promise<Response> {
  const { id, sha: pinned } = parseKeyPath(pathAfter(c, "/api/comparisons/"));
  const sha = pinned ?? (await getLatestSha(c.env.REPORTS, id));
  const comparison = sha === null ? null : await readBaseComparison(c.env, id, sha);
  if (comparison === null) {
    throw new ApiError(404, "comparison_not_found", `no comparison of ${id}${pinned ? `@${pinned}` : ""} with a base: only a fine-tune whose card names one base (base_model_relation: finetune) is compared with it`);
  }
  const { base } = comparison;
  const reportUrl = comparison.state === "done" && base.sha !== null ? `/api/reports/${derivedKey(comparison.id, comparison.sha, { id: base.id, sha: base.sha, mode: "delta" })}` : null;
  // it moves while pending; a settled one changes only when a trigger retries a failure
  return c.json({ ...comparison, report_url: reportUrl }, 200, { "cache-control": comparison.state === "pending" ? "no-store" : "public, max-age=60" });
}
