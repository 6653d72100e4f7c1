import { HubError, ModelLookupError } from "#shared/hub";

/**
 * Whether a task's failure came from outside the model — the Hub or the network (any Hub answer,
 * a dropped or timed-out connection) — rather than from its bytes. Such a failure says nothing
 * about the model, so once its retries are spent it fails the job (nothing published) instead of
 * recording the layer as failed in a report that would then stand for the model.
 */
export function isUpstreamError(error: unknown): boolean {
  if (error instanceof HubError || error instanceof ModelLookupError) return true;
  // the platform's contract: fetch rejects with a TypeError when a connection fails, and an
  // aborted or timed-out AbortSignal with a DOMException named AbortError or TimeoutError
  return error instanceof TypeError || (error instanceof DOMException && (error.name === "AbortError" || error.name === "TimeoutError"));
}
