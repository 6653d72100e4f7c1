/**
 * Whether a task's failure came from outside the model — the Hub or the network (any Hub answer,
 * a dropped or timed-out connection) — rather than from its bytes. Such a failure says nothing
 * about the model, so once its retries are spent it fails the job (nothing published) instead of
 * recording the layer as failed in a report that would then stand for the model.
 */
export function isUpstreamError(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  // fetch rejects with a TypeError when a connection fails, and an AbortSignal timeout with these
  return name === "HubError" || name === "ModelLookupError" || name === "TypeError" || name === "TimeoutError" || name === "AbortError";
}
