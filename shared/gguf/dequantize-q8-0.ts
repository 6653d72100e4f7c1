import { F16_VALUES } from "../safetensors/scalar-to-float.ts";
import { checkBlocks } from "./check-blocks.ts";

/**
 * Q8_0: blocks of 32 values in 34 bytes — f16 scale d, then 32 signed bytes q. Value = q·d (exact).
 * Returns the number of values written.
 */
export function dequantizeQ8_0(bytes: Uint8Array, out: Float32Array): number {
  const blocks = checkBlocks("Q8_0", bytes, out, 34, 32);
  for (let b = 0; b < blocks; b++) {
    const o = 34 * b;
    const y = 32 * b;
    const d = F16_VALUES[bytes[o] | (bytes[o + 1] << 8)];
    for (let j = 0; j < 32; j++) out[y + j] = ((bytes[o + 2 + j] << 24) >> 24) * d;
  }
  return 32 * blocks;
}
