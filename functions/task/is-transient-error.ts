import { HeavytailError } from "#shared/errors";

/**
 * Whether trying again later may succeed: the Hub rate-limiting or failing (429, 5xx), a dropped
 * connection. Bad files, non-finite weights and refused access are final.
 */
export function isTransientError(error: unknown): boolean {
  if (error instanceof HeavytailError) return error.transient;
  // fetch rejects with a TypeError when a connection fails: the platform's contract, no class of ours
  return error instanceof TypeError;
}
