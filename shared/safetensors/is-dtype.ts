import { DTYPES, type Dtype } from "./types.ts";

/** True when `value` names a dtype heavytail decodes. */
export function isDtype(value: unknown): value is Dtype {
  return typeof value === "string" && (DTYPES as readonly string[]).includes(value);
}
