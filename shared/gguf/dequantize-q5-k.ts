import { F16_VALUES } from "../safetensors/scalar-to-float.ts";
import { checkBlocks } from "./check-blocks.ts";
import { unpackKScales } from "./unpack-k-scales.ts";

const scales = new Uint8Array(8);
const mins = new Uint8Array(8);

/**
 * Q5_K: super-blocks of 256 values in 176 bytes — f16 d, f16 dmin, 12 bytes of 6-bit scales and
 * mins (`unpackKScales`), 32 bytes of high bits, 128 bytes of low nibbles. As Q4_K, plus a fifth
 * bit: value 64g + l takes bit 2g of high-bit byte l, value 64g + 32 + l bit 2g + 1.
 * Value = (d·scale)·q − dmin·min, rounded once. Returns the number of values written.
 */
export function dequantizeQ5_K(bytes: Uint8Array, out: Float32Array): number {
  const blocks = checkBlocks("Q5_K", bytes, out, 176, 256);
  for (let b = 0; b < blocks; b++) {
    const o = 176 * b;
    const d = F16_VALUES[bytes[o] | (bytes[o + 1] << 8)];
    const dmin = F16_VALUES[bytes[o + 2] | (bytes[o + 3] << 8)];
    unpackKScales(bytes, o + 4, scales, mins);
    const high = o + 16;
    for (let g = 0; g < 4; g++) {
      const q = o + 48 + 32 * g;
      const y = 256 * b + 64 * g;
      const d1 = d * scales[2 * g];
      const m1 = dmin * mins[2 * g];
      const d2 = d * scales[2 * g + 1];
      const m2 = dmin * mins[2 * g + 1];
      const shift = 2 * g;
      for (let l = 0; l < 32; l++) {
        const byte = bytes[q + l];
        const h = bytes[high + l] >> shift;
        out[y + l] = d1 * ((byte & 15) | ((h & 1) << 4)) - m1;
        out[y + 32 + l] = d2 * ((byte >> 4) | ((h & 2) << 3)) - m2;
      }
    }
  }
  return 256 * blocks;
}
