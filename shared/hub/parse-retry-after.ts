/**
 * Milliseconds a `Retry-After` header asks to wait, from a number of seconds or an HTTP date
 * (relative to `nowMs`), capped at `capMs`; undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number, capMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) ms = Number(text) * 1000;
  else {
    // an HTTP date names its day and month; Date.parse alone would take "-5" for a year
    const date = /[A-Za-z]/.test(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(date)) return undefined;
    ms = date - nowMs;
  }
  return Math.min(capMs, Math.max(0, ms));
}
