// The one error base (snake_case code, HTTP status) and how errors cross a worker boundary.
export { HeavytailError, type HeavytailErrorOptions } from "./heavytail-error.ts";
export { isRetryableStatus } from "./is-retryable-status.ts";
export { reviveHeavytailError } from "./revive-heavytail-error.ts";
