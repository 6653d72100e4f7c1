/** An error the service answers with as it is: HTTP status, machine code, message for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** seconds, for 429 and 503 answers */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}
