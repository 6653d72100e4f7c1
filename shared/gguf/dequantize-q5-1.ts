import { F16_VALUES } from "../safetensors/scalar-to-float.ts";
import { checkBlocks } from "./check-blocks.ts";

/**
 * Q5_1: blocks of 32 values in 24 bytes — f16 scale d, f16 offset m, a 32-bit word of high bits
 * (bit j for value j), 16 bytes of low nibbles. Value = quant·d + m, the sum rounded to float32.
 * Returns the number of values written.
 */
export function dequantizeQ5_1(bytes: Uint8Array, out: Float32Array): number {
  const blocks = checkBlocks("Q5_1", bytes, out, 24, 32);
  for (let b = 0; b < blocks; b++) {
    const o = 24 * b;
    const y = 32 * b;
    const d = F16_VALUES[bytes[o] | (bytes[o + 1] << 8)];
    const m = F16_VALUES[bytes[o + 2] | (bytes[o + 3] << 8)];
    const high = (bytes[o + 4] | (bytes[o + 5] << 8) | (bytes[o + 6] << 16) | (bytes[o + 7] << 24)) >>> 0;
    for (let j = 0; j < 16; j++) {
      const q = bytes[o + 8 + j];
      out[y + j] = ((q & 15) | (((high >>> j) & 1) << 4)) * d + m;
      out[y + j + 16] = ((q >> 4) | (((high >>> (j + 16)) & 1) << 4)) * d + m;
    }
  }
  return 32 * blocks;
}
