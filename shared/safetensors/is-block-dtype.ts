import { BLOCK_DTYPES, type BlockDtype } from "./types.ts";

/** True when `value` names a block-quantized type heavytail dequantizes (Q4_K, Q8_0, …). */
export function isBlockDtype(value: unknown): value is BlockDtype {
  return typeof value === "string" && (BLOCK_DTYPES as readonly string[]).includes(value);
}
