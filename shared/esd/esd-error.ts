export type EsdErrorCode = "invalid_plan" | "invalid_gram" | "reader_mismatch" | "invalid_option";

/** A layer the spectrum code cannot work on, or a reader that did not deliver what was asked. */
export class EsdError extends Error {
  constructor(
    readonly code: EsdErrorCode,
    detail: string,
  ) {
    super(detail);
    this.name = "EsdError";
  }
}
