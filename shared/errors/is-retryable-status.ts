/** Whether an HTTP status may pass if asked again: rate-limited (429), failing (5xx), or no answer at all (0). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500 || status === 0;
}
