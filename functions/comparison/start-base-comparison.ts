import { WeightFilesError } from "#shared/analyze";
import { fineTuneBase } from "#shared/lineage";
import type { Lineage } from "#shared/report";
import type { ServiceConfig } from "../config.ts";
import type { Env } from "../env.ts";
import { toApiError } from "../http/to-api-error.ts";
import { parseAnalysisKey } from "../job/derived-key.ts";
import { BASE_PLAN_CODES } from "../job/plan-against-base.ts";
import { startAnalysis } from "../trigger/start-analysis.ts";
import { startDerivedAnalysis } from "../trigger/start-derived-analysis.ts";
import { getBaseComparison, putBaseComparison, type BaseComparison, type ComparisonState } from "./base-comparison.ts";

const BASE_REVISION = "main";
// what the base's own checks answer, and what that means for the comparison
const REFUSALS: Record<string, ComparisonState> = { model_not_found: "base_missing", gated_model: "base_gated" };

/**
 * The comparison of a fine-tune with its base, started beside the model's own analysis when its
 * card names one base with `base_model_relation: finetune` (fineTuneBase) and the operator has not
 * turned it off (COMPARE_WITH_BASE): a delta analysis against the base's default branch, as
 * `POST /api/analyze` with `base` would start it, and the base's own analysis (its card is the
 * comparison's other side). Once per model commit (a failed one again); whatever the base does,
 * the model's own analysis goes on and this never throws.
 */
export async function startBaseComparison(
  env: Env,
  config: ServiceConfig,
  model: { id: string; sha: string; lineage: Lineage | undefined },
): Promise<BaseComparison | null> {
  if (!config.compareWithBase) return null;
  const baseId = fineTuneBase(model);
  if (baseId === null || baseId.toLowerCase() === model.id.toLowerCase()) return null;
  try {
    const existing = await getBaseComparison(env.REPORTS, model.id, model.sha);
    if (existing !== null && existing.state !== "failed") return existing;
    const base: BaseComparison["base"] = { id: baseId, revision: BASE_REVISION, sha: null };
    try {
      const outcome = await startDerivedAnalysis(env, config, model.id, model.sha, { base: { id: baseId, revision: null }, peft: null });
      const resolved = parseAnalysisKey(outcome.key).base!;
      // the base's own card is the comparison's other side, and its family's reference row
      await startAnalysis(env, config, resolved.id, null).catch((error: unknown) => console.error(`the base ${resolved.id} not analysed:`, toApiError(error).message));
      return await putBaseComparison(env.REPORTS, {
        state: outcome.kind === "report" ? "done" : "pending",
        id: model.id,
        sha: model.sha,
        base: { ...base, id: resolved.id, sha: resolved.sha },
        key: outcome.key,
        message: null,
      });
    } catch (error) {
      const { code, message } = toApiError(error);
      // the model's own files passed these checks a moment ago: a refusal now is the base's
      const unreadable = error instanceof WeightFilesError || BASE_PLAN_CODES.has(code);
      const state = REFUSALS[code] ?? (unreadable ? "base_incompatible" : "failed");
      return await putBaseComparison(env.REPORTS, { state, id: model.id, sha: model.sha, base, key: null, message: message.replace(/^the base: /, "") });
    }
  } catch (error) {
    // KV refusing a write must not fail the model's own trigger
    console.error("base comparison not recorded:", error instanceof Error ? error.message : String(error));
    return null;
  }
}
