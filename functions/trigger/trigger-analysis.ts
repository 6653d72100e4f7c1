import { readConfig } from "../config.ts";
import type { Env } from "../env.ts";
import { clientId } from "../http/client-id.ts";
import { checkTriggerRate } from "../rate-limit/check-trigger-rate.ts";
import { startAnalysis, type TriggerOutcome } from "./start-analysis.ts";

/** A client's trigger (the API or a model page): rate-limited per client, then startAnalysis. */
export async function triggerAnalysis(env: Env, request: Request, id: string, revision: string | null): Promise<TriggerOutcome> {
  const config = readConfig(env);
  await checkTriggerRate(env, clientId(request), config.triggersPerMinute);
  return startAnalysis(env, config, id, revision);
}
