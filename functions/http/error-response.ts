import type { ApiError } from "./api-error.ts";

/** The JSON answer for an error: `{ error, message }` with its status (docs/api.md). */
export function errorResponse(error: ApiError): Response {
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };
  if (error.retryAfter !== undefined) headers["retry-after"] = String(Math.ceil(error.retryAfter));
  return new Response(JSON.stringify({ error: error.code, message: error.message }), { status: error.status, headers });
}
