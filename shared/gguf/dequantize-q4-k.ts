import { F16_VALUES } from "../safetensors/scalar-to-float.ts";
import { checkBlocks } from "./check-blocks.ts";
import { unpackKScales } from "./unpack-k-scales.ts";

const scales = new Uint8Array(8);
const mins = new Uint8Array(8);

/**
 * Q4_K: super-blocks of 256 values in 144 bytes — f16 d, f16 dmin, 12 bytes of 6-bit scales and
 * mins for eight sub-blocks of 32 (`unpackKScales`), 128 bytes of nibbles. Byte l of the 32-byte
 * group g holds value 64g + l in its low nibble (sub-block 2g) and value 64g + 32 + l in its high
 * nibble (sub-block 2g + 1). Value = (d·scale)·q − dmin·min: the products are exact in float32, the
 * difference is rounded once. Returns the number of values written.
 */
export function dequantizeQ4_K(bytes: Uint8Array, out: Float32Array): number {
  const blocks = checkBlocks("Q4_K", bytes, out, 144, 256);
  for (let b = 0; b < blocks; b++) {
    const o = 144 * b;
    const d = F16_VALUES[bytes[o] | (bytes[o + 1] << 8)];
    const dmin = F16_VALUES[bytes[o + 2] | (bytes[o + 3] << 8)];
    unpackKScales(bytes, o + 4, scales, mins);
    for (let g = 0; g < 4; g++) {
      const q = o + 16 + 32 * g;
      const y = 256 * b + 64 * g;
      const d1 = d * scales[2 * g];
      const m1 = dmin * mins[2 * g];
      const d2 = d * scales[2 * g + 1];
      const m2 = dmin * mins[2 * g + 1];
      for (let l = 0; l < 32; l++) {
        const byte = bytes[q + l];
        out[y + l] = d1 * (byte & 15) - m1;
        out[y + 32 + l] = d2 * (byte >> 4) - m2;
      }
    }
  }
  return 256 * blocks;
}
