/**
 * Whether trying again later may succeed: the Hub rate-limiting or failing (429, 5xx), a dropped
 * connection. Bad files, non-finite weights and refused access are final.
 */
export function isTransientError(error: unknown): boolean {
  const e = error as { name?: unknown; status?: unknown; code?: unknown };
  if (e?.name === "HubError" || e?.name === "ModelLookupError") {
    return typeof e.status !== "number" || e.status === 429 || e.status >= 500 || e.status === 0;
  }
  // fetch rejects with a TypeError when a connection fails
  return e?.name === "TypeError";
}
