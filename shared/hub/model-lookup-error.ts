export type ModelLookupErrorCode =
  | "model_not_found"
  | "revision_not_found"
  | "hub_unauthorized"
  | "hub_forbidden"
  | "hub_rate_limited"
  | "hub_error"
  | "no_safetensors"
  | "model_too_large"
  | "too_many_files";

/** The Hub could not tell what a model revision is, or the model is not one heavytail analyses. */
export class ModelLookupError extends Error {
  constructor(
    readonly code: ModelLookupErrorCode,
    /** the HTTP status a service answers with */
    readonly status: number,
    message: string,
    /** seconds the Hub asked to wait (429), when it said */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ModelLookupError";
  }
}
