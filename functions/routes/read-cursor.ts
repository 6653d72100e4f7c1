import { ApiError } from "../http/api-error.ts";

// KV's cursors are a few hundred characters; a longer one was never given out
const MAX_CURSOR_LENGTH = 1024;

/** A `cursor` query parameter for a KV listing: undefined when absent. */
export function readCursor(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (value.length > MAX_CURSOR_LENGTH) throw new ApiError(400, "invalid_request", "the cursor is not one this API gave out");
  return value;
}
