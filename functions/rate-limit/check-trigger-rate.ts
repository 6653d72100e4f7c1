import type { Env } from "../env.ts";
import { ApiError } from "../http/api-error.ts";

// the limiter object every client shares: the service's own budget
const GLOBAL = "global:";

/** Throws 429 `rate_limited` (with Retry-After) when this client has triggered too often. */
export async function checkTriggerRate(env: Env, client: string, limit: number): Promise<void> {
  const { ok, retryAfterSeconds } = await take(env, client, limit);
  if (!ok) throw new ApiError(429, "rate_limited", `too many analyses requested from this client; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
}

/**
 * Throws 503 `busy` when the service as a whole has started `limit` analyses this minute: a swarm
 * of clients, each under its own limit, still cannot make the service hammer the Hub.
 */
export async function checkGlobalTriggerRate(env: Env, limit: number): Promise<void> {
  const { ok, retryAfterSeconds } = await take(env, GLOBAL, limit);
  if (!ok) throw new ApiError(503, "busy", `this service has started as many analyses as it may this minute; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
}

function take(env: Env, bucket: string, limit: number) {
  return env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(bucket)).take(limit);
}
