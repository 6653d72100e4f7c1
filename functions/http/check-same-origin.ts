import { ApiError } from "./api-error.ts";

/**
 * Refuses a state-changing request a browser sent from another site's page: its `Origin` (or,
 * without one, `Sec-Fetch-Site: cross-site`) names neither this service nor an origin the operator
 * allowed. Clients that are not browsers send neither header and pass.
 */
export function checkSameOrigin(request: Request, allowed: ReadonlySet<string>): void {
  const origin = request.headers.get("origin");
  const own = new URL(request.url).origin;
  if (origin !== null && origin !== own && !allowed.has(origin)) {
    throw new ApiError(403, "cross_origin", `analyses are started from this service's own pages or by API clients, not from pages of ${origin.slice(0, 200)}`);
  }
  if (origin === null && request.headers.get("sec-fetch-site") === "cross-site") {
    throw new ApiError(403, "cross_origin", "analyses are started from this service's own pages or by API clients, not from other sites' pages");
  }
}
