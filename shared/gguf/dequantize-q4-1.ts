import { F16_VALUES } from "../safetensors/scalar-to-float.ts";
import { checkBlocks } from "./check-blocks.ts";

/**
 * Q4_1: blocks of 32 values in 20 bytes — f16 scale d, f16 offset m, then 16 bytes of nibbles (low
 * nibbles values 0–15, high nibbles 16–31). Value = nibble·d + m, the sum rounded to float32 (the
 * product is exact). Returns the number of values written.
 */
export function dequantizeQ4_1(bytes: Uint8Array, out: Float32Array): number {
  const blocks = checkBlocks("Q4_1", bytes, out, 20, 32);
  for (let b = 0; b < blocks; b++) {
    const o = 20 * b;
    const y = 32 * b;
    const d = F16_VALUES[bytes[o] | (bytes[o + 1] << 8)];
    const m = F16_VALUES[bytes[o + 2] | (bytes[o + 3] << 8)];
    for (let j = 0; j < 16; j++) {
      const q = bytes[o + 4 + j];
      // float64 sum of two float32 values, then one rounding: the correctly rounded float32 sum
      out[y + j] = (q & 15) * d + m;
      out[y + j + 16] = (q >> 4) * d + m;
    }
  }
  return 32 * blocks;
}
