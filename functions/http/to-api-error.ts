import { ApiError } from "./api-error.ts";

// typed errors of shared/ that carry their own status and code
const SELF_DESCRIBING = new Set(["ApiError", "ModelIdError", "ModelLookupError", "SafetensorsError", "WeightFilesError", "GgufError", "PytorchError"]);

/**
 * The answer for any error: typed errors keep their status, code and message; Hub byte-source
 * errors become 401/403/404/502; anything else is a 500 whose message reveals nothing internal.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as { name?: unknown; status?: unknown; code?: unknown; message?: unknown; retryAfter?: unknown };
  const message = typeof e?.message === "string" ? e.message : "";
  const retryAfter = typeof e?.retryAfter === "number" ? e.retryAfter : undefined;
  if (typeof e?.name === "string" && SELF_DESCRIBING.has(e.name) && typeof e.status === "number" && typeof e.code === "string") {
    return new ApiError(e.status, e.code, message, retryAfter);
  }
  if (e?.name === "HubError" && typeof e.status === "number") {
    if (e.status === 401) return new ApiError(401, "hub_unauthorized", message);
    if (e.status === 403) return new ApiError(403, "hub_forbidden", message);
    if (e.status === 404) {
      const code = e.code === "repo_not_found" ? "model_not_found" : e.code === "revision_not_found" ? "revision_not_found" : "not_found";
      return new ApiError(404, code, message);
    }
    return new ApiError(502, "hub_error", message, retryAfter);
  }
  return new ApiError(500, "internal_error", "the service failed unexpectedly; try again later");
}
