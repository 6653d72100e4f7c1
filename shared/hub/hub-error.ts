import { HeavytailError } from "../errors/heavytail-error.ts";
import { isRetryableStatus } from "../errors/is-retryable-status.ts";

export type HubErrorCode =
  | "unauthorized"
  | "forbidden"
  | "entry_not_found"
  | "repo_not_found"
  | "revision_not_found"
  | "not_found"
  | "http_error"
  | "range_not_supported"
  | "bad_content_range"
  | "too_many_redirects"
  | "bad_redirect"
  | "unknown_size"
  | "file_changed"
  | "retries_exhausted";

/**
 * The Hub (or its CDN) refused or kept failing a request. Messages name the URL without query or
 * credentials, never a token. Unlike other HeavytailErrors, `status` is the Hub's (a service maps
 * it to its own answer: functions/http/to-api-error.ts); a 429, a 5xx or no answer is worth
 * asking again.
 */
export class HubError extends HeavytailError {
  declare readonly code: HubErrorCode;
  constructor(
    code: HubErrorCode,
    /** the upstream HTTP status (502 when no answer came at all) */
    status: number,
    /** the URL, redacted */
    readonly url: string,
    message: string,
  ) {
    super(code, status, `${url}: ${message}`, { transient: isRetryableStatus(status) });
    this.name = "HubError";
  }
}
