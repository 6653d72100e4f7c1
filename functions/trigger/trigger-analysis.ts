import { readConfig } from "../config.ts";
import type { Env } from "../env.ts";
import { clientId } from "../http/client-id.ts";
import { startBaseComparison } from "../comparison/start-base-comparison.ts";
import { checkTriggerRate } from "../rate-limit/check-trigger-rate.ts";
import { startAnalysis, type TriggerOutcome } from "./start-analysis.ts";
import { startDerivedAnalysis, type BaseRequest } from "./start-derived-analysis.ts";

/**
 * A client's trigger (the API or a model page): rate-limited per client, then startAnalysis (and,
 * for a fine-tune whose card names its base, startBaseComparison beside it), or
 * startDerivedAnalysis when the request names a base or asks for an adapter's with_base.
 */
export async function triggerAnalysis(env: Env, request: Request, id: string, revision: string | null, against?: BaseRequest): Promise<TriggerOutcome> {
  const config = readConfig(env);
  await checkTriggerRate(env, clientId(request), config.triggersPerMinute);
  if (against && (against.base !== null || against.peft !== null)) return startDerivedAnalysis(env, config, id, revision, against);
  const outcome = await startAnalysis(env, config, id, revision);
  const comparison = await startBaseComparison(env, config, { id: outcome.id, sha: outcome.sha, lineage: outcome.cardLineage });
  return comparison === null ? outcome : { ...outcome, comparison };
}
