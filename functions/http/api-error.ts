import { HeavytailError } from "#shared/errors";

/** An error the service answers with as it is: HTTP status, machine code, message for people. */
export class ApiError extends HeavytailError {
  constructor(
    status: number,
    code: string,
    message: string,
    /** seconds, for 429 and 503 answers */
    retryAfter?: number,
  ) {
    super(code, status, message, { retryAfter });
    this.name = "ApiError";
  }
}
