import { HeavytailError } from "../errors/heavytail-error.ts";

export type EsdErrorCode = "invalid_plan" | "invalid_gram" | "reader_mismatch" | "invalid_option";

/** A layer the spectrum code cannot work on, or a reader that did not deliver what was asked. */
export class EsdError extends HeavytailError {
  declare readonly code: EsdErrorCode;
  constructor(code: EsdErrorCode, detail: string) {
    super(code, 500, detail);
    this.name = "EsdError";
  }
}
