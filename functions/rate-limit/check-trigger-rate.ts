import type { Env } from "../env.ts";
import { ApiError } from "../http/api-error.ts";

/** Throws 429 `rate_limited` (with Retry-After) when this client has triggered too often. */
export async function checkTriggerRate(env: Env, client: string, limit: number): Promise<void> {
  const limiter = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(client));
  const { ok, retryAfterSeconds } = await limiter.take(limit);
  if (!ok) throw new ApiError(429, "rate_limited", `too many analyses requested from this client; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
}
