import { F16_VALUES } from "../safetensors/scalar-to-float.ts";
import { checkBlocks } from "./check-blocks.ts";

const scales = new Int8Array(16);

/**
 * Q3_K: super-blocks of 256 values in 110 bytes — 32 bytes of high-bit masks, 64 bytes of 2-bit
 * quants, 12 bytes of 6-bit scales (one per 16 values, stored +32), f16 d at the end. Scale j keeps
 * its low 4 bits in byte j (j < 8, low nibble) or byte j − 8 (high nibble), and its top 2 bits in
 * bits 2⌊j/4⌋… of byte 8 + j mod 4. Each half h uses quant bytes 32h…32h+31: for k = 0…3, bits
 * 2k…2k+1 of byte l are value 128h + 32k + l, with scale 8h + 2k + ⌊l/16⌋, and 4 is subtracted
 * unless bit 4h + k of mask byte l is set. Value = (d·(scale − 32))·q, exact.
 * Returns the number of values written.
 */
export function dequantizeQ3_K(bytes: Uint8Array, out: Float32Array): number {
  const blocks = checkBlocks("Q3_K", bytes, out, 110, 256);
  for (let b = 0; b < blocks; b++) {
    const o = 110 * b;
    const d = F16_VALUES[bytes[o + 108] | (bytes[o + 109] << 8)];
    const s = o + 96;
    for (let j = 0; j < 16; j++) {
      const low = j < 8 ? bytes[s + j] & 15 : bytes[s + j - 8] >> 4;
      const top = (bytes[s + 8 + (j & 3)] >> (2 * (j >> 2))) & 3;
      scales[j] = (low | (top << 4)) - 32;
    }
    for (let h = 0; h < 2; h++) {
      const q = o + 32 + 32 * h;
      for (let k = 0; k < 4; k++) {
        const shift = 2 * k;
        const bit = 1 << (4 * h + k);
        const y = 256 * b + 128 * h + 32 * k;
        for (let half = 0; half < 2; half++) {
          const dl = d * scales[8 * h + 2 * k + half];
          for (let l = 16 * half; l < 16 * half + 16; l++) {
            const value = ((bytes[q + l] >> shift) & 3) - (bytes[o + l] & bit ? 0 : 4);
            out[y + l] = dl * value;
          }
        }
      }
    }
  }
  return 256 * blocks;
}
