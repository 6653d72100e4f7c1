import { ApiError } from "../http/api-error.ts";

/** A `limit` query parameter: an integer in 1…max, or the fallback when absent. */
export function readLimit(value: string | undefined, fallback: number, max = 1000): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new ApiError(400, "invalid_request", `limit must be an integer from 1 to ${max}`);
  return n;
}
