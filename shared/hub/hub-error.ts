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

/** The Hub (or its CDN) refused or kept failing a request. Messages name the URL without query or credentials, never a token. */
export class HubError extends Error {
  constructor(
    readonly code: HubErrorCode,
    /** the upstream HTTP status (502 when no answer came at all) */
    readonly status: number,
    /** the URL, redacted */
    readonly url: string,
    message: string,
  ) {
    super(`${url}: ${message}`);
    this.name = "HubError";
  }
}
