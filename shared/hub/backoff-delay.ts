/** Exponential backoff before retry number `attempt` (1, 2, …): base · 2^(attempt−1), capped. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** (attempt - 1));
}
