import { F16_VALUES } from "../safetensors/scalar-to-float.ts";
import { checkBlocks } from "./check-blocks.ts";

/**
 * Q2_K: super-blocks of 256 values in 84 bytes — 16 bytes of 4-bit scale (low nibble) and min
 * (high nibble) per 16 values, 64 bytes of 2-bit quants, f16 d and f16 dmin at the end. Each half
 * h (values 128h…) uses quant bytes 32h…32h+31: for k = 0…3, bits 2k…2k+1 of byte l are value
 * 128h + 32k + l, whose scale byte is 8h + 2k + ⌊l/16⌋. Value = (d·scale)·q − dmin·min, rounded
 * once (the products are exact). Returns the number of values written.
 */
export function dequantizeQ2_K(bytes: Uint8Array, out: Float32Array): number {
  const blocks = checkBlocks("Q2_K", bytes, out, 84, 256);
  for (let b = 0; b < blocks; b++) {
    const o = 84 * b;
    const d = F16_VALUES[bytes[o + 80] | (bytes[o + 81] << 8)];
    const dmin = F16_VALUES[bytes[o + 82] | (bytes[o + 83] << 8)];
    for (let h = 0; h < 2; h++) {
      const q = o + 16 + 32 * h;
      for (let k = 0; k < 4; k++) {
        const shift = 2 * k;
        const y = 256 * b + 128 * h + 32 * k;
        for (let half = 0; half < 2; half++) {
          const sc = bytes[o + 8 * h + 2 * k + half];
          const dl = d * (sc & 15);
          const ml = dmin * (sc >> 4);
          for (let l = 16 * half; l < 16 * half + 16; l++) out[y + l] = dl * ((bytes[q + l] >> shift) & 3) - ml;
        }
      }
    }
  }
  return 256 * blocks;
}
