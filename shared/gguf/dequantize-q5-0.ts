import { F16_VALUES } from "../safetensors/scalar-to-float.ts";
import { checkBlocks } from "./check-blocks.ts";

/**
 * Q5_0: blocks of 32 values in 22 bytes — f16 scale d, a little-endian 32-bit word whose bit j is
 * the fifth (high) bit of value j, then 16 bytes of low nibbles (low nibbles values 0–15, high
 * nibbles 16–31). Value = (5-bit quant − 16)·d (exact). Returns the number of values written.
 */
export function dequantizeQ5_0(bytes: Uint8Array, out: Float32Array): number {
  const blocks = checkBlocks("Q5_0", bytes, out, 22, 32);
  for (let b = 0; b < blocks; b++) {
    const o = 22 * b;
    const y = 32 * b;
    const d = F16_VALUES[bytes[o] | (bytes[o + 1] << 8)];
    const high = (bytes[o + 2] | (bytes[o + 3] << 8) | (bytes[o + 4] << 16) | (bytes[o + 5] << 24)) >>> 0;
    for (let j = 0; j < 16; j++) {
      const q = bytes[o + 6 + j];
      out[y + j] = (((q & 15) | (((high >>> j) & 1) << 4)) - 16) * d;
      out[y + j + 16] = (((q >> 4) | (((high >>> (j + 16)) & 1) << 4)) - 16) * d;
    }
  }
  return 32 * blocks;
}
