import type { Env } from "../env.ts";
import { BASE_PLAN_CODES } from "../job/plan-against-base.ts";
import { getBaseComparison, putBaseComparison, type BaseComparison } from "./base-comparison.ts";

/**
 * The comparison of a model commit with its base as it stands: a pending one is settled from its
 * delta job (done, failed, or base_incompatible when planning found no layer to pair) and stored
 * settled, so the job is asked once after it ends.
 */
export async function readBaseComparison(env: Pick<Env, "REPORTS" | "JOBS">, id: string, sha: string): Promise<BaseComparison | null> {
  const comparison = await getBaseComparison(env.REPORTS, id, sha);
  if (comparison === null || comparison.state !== "pending" || comparison.key === null) return comparison;
  const status = await env.JOBS.get(env.JOBS.idFromName(comparison.key)).status();
  if (status === null) return putBaseComparison(env.REPORTS, { ...comparison, state: "failed", message: "the delta analysis was lost; analysing the model again starts it anew" });
  if (status.state === "done") return putBaseComparison(env.REPORTS, { ...comparison, state: "done", message: null });
  if (status.state !== "failed") return comparison;
  const incompatible = status.error_code !== undefined && BASE_PLAN_CODES.has(status.error_code);
  return putBaseComparison(env.REPORTS, { ...comparison, state: incompatible ? "base_incompatible" : "failed", message: status.error ?? "no reason given" });
}
