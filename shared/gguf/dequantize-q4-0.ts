import { F16_VALUES } from "../safetensors/scalar-to-float.ts";
import { checkBlocks } from "./check-blocks.ts";

/**
 * Q4_0: blocks of 32 values in 18 bytes — an f16 scale d, then 16 bytes whose low nibbles are
 * values 0–15 and high nibbles values 16–31. Value = (nibble − 8)·d (exact in float32).
 * Returns the number of values written.
 */
export function dequantizeQ4_0(bytes: Uint8Array, out: Float32Array): number {
  const blocks = checkBlocks("Q4_0", bytes, out, 18, 32);
  for (let b = 0; b < blocks; b++) {
    const o = 18 * b;
    const y = 32 * b;
    const d = F16_VALUES[bytes[o] | (bytes[o + 1] << 8)];
    for (let j = 0; j < 16; j++) {
      const q = bytes[o + 2 + j];
      out[y + j] = ((q & 15) - 8) * d;
      out[y + j + 16] = ((q >> 4) - 8) * d;
    }
  }
  return 32 * blocks;
}
