import { HeavytailError } from "#shared/errors";
import { HubError } from "#shared/hub";
import { ApiError } from "./api-error.ts";

/**
 * The answer for any error: heavytail's own errors keep their status, code and message; a
 * HubError (whose status is the Hub's) becomes 401/403/404/502; a 500 (heavytail broke) and
 * anything else is a 500 whose message reveals nothing internal.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HubError) return hubAnswer(error);
  if (error instanceof HeavytailError && error.status !== 500) return new ApiError(error.status, error.code, error.message, error.retryAfter);
  return new ApiError(500, "internal_error", "the service failed unexpectedly; try again later");
}

function hubAnswer(error: HubError): ApiError {
  const { status, code, message } = error;
  if (status === 401) return new ApiError(401, "hub_unauthorized", message);
  if (status === 403) return new ApiError(403, "hub_forbidden", message);
  if (status === 404) return new ApiError(404, code === "repo_not_found" ? "model_not_found" : code === "revision_not_found" ? "revision_not_found" : "not_found", message);
  return new ApiError(502, "hub_error", message);
}
