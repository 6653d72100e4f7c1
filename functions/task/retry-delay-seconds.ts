import { backoffDelay } from "#shared/hub";

const BASE_SECONDS = 5;
const MAX_SECONDS = 300;

/**
 * How long a failed task waits before its next try: the Hub's Retry-After when it gave one,
 * else exponential backoff (5 s · 2^(attempt−1), at most 5 min).
 */
export function retryDelaySeconds(attempt: number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0) {
    return Math.min(Math.ceil(retryAfterSeconds), MAX_SECONDS);
  }
  return backoffDelay(Math.max(1, attempt), BASE_SECONDS * 1000, MAX_SECONDS * 1000) / 1000;
}
