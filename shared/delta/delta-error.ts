import { HeavytailError } from "../errors/heavytail-error.ts";

export type DeltaErrorCode = "adapter_delta" | "format_mismatch";

/** A model and base that cannot be compared layer by layer (docs/metrics.md §11). */
export class DeltaError extends HeavytailError {
  declare readonly code: DeltaErrorCode;
  constructor(code: DeltaErrorCode, message: string) {
    super(code, 422, message);
    this.name = "DeltaError";
  }
}
