import { HeavytailError } from "../errors/heavytail-error.ts";
import { isRetryableStatus } from "../errors/is-retryable-status.ts";

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

/**
 * The Hub could not tell what a model revision is, or the model is not one heavytail analyses.
 * `status` is the one a service answers with; a Hub rate-limiting or failing (503, 502, 504) is
 * worth asking again.
 */
export class ModelLookupError extends HeavytailError {
  declare readonly code: ModelLookupErrorCode;
  constructor(
    code: ModelLookupErrorCode,
    status: number,
    message: string,
    /** seconds the Hub asked to wait (429), when it said */
    retryAfter?: number,
  ) {
    super(code, status, message, { transient: isRetryableStatus(status), retryAfter });
    this.name = "ModelLookupError";
  }
}
