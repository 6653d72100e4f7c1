/** What a HeavytailError carries beyond its code, status and message. */
export interface HeavytailErrorOptions {
  /** whether trying again later may succeed (the Hub rate-limiting or failing, a dropped connection) */
  transient?: boolean;
  /** seconds to wait before trying again, when the answer is a 429 or 503 that said */
  retryAfter?: number;
  cause?: unknown;
}

/**
 * The one base of heavytail's own errors: callers branch on `instanceof` and `code`, never on a
 * class name (a bundler may rename classes; a structured clone drops prototypes, not fields).
 * `status` is the HTTP status the error stands for; 500 means heavytail itself broke, so the
 * service answers it without the message.
 */
export class HeavytailError extends Error {
  readonly transient: boolean;
  readonly retryAfter?: number;

  constructor(
    /** snake_case, stable: the service answers with it and callers branch on it */
    readonly code: string,
    readonly status: number,
    message: string,
    options: HeavytailErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "HeavytailError";
    this.transient = options.transient ?? false;
    this.retryAfter = options.retryAfter;
  }
}
