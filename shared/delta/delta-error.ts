export type DeltaErrorCode = "adapter_delta" | "format_mismatch";

/** A model and base that cannot be compared layer by layer (docs/metrics.md §11). */
export class DeltaError extends Error {
  readonly status = 422;
  constructor(
    readonly code: DeltaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DeltaError";
  }
}
