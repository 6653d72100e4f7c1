import { F16_VALUES } from "../safetensors/scalar-to-float.ts";
import { checkBlocks } from "./check-blocks.ts";

/**
 * Q6_K: super-blocks of 256 values in 210 bytes — 128 bytes of low nibbles, 64 bytes of 2-bit high
 * parts, 16 signed 8-bit scales (one per 16 values), f16 d at the end. Each half h (values 128h…)
 * uses low-nibble bytes 64h…64h+63, high bytes 32h…32h+31 and scales 8h…8h+7: for l < 32, value
 * 128h + 32k + l (k = 0…3) has low nibble (k odd: byte l + 32, else byte l; k ≥ 2: high nibble,
 * else low), high bits 2k…2k+1 of high byte l, and scale 8h + 2k + ⌊l/16⌋.
 * Value = (d·scale)·(q − 32): d·scale is exact, the second product is rounded to float32.
 * Returns the number of values written.
 */
export function dequantizeQ6_K(bytes: Uint8Array, out: Float32Array): number {
  const blocks = checkBlocks("Q6_K", bytes, out, 210, 256);
  for (let b = 0; b < blocks; b++) {
    const o = 210 * b;
    const d = F16_VALUES[bytes[o + 208] | (bytes[o + 209] << 8)];
    for (let h = 0; h < 2; h++) {
      const ql = o + 64 * h;
      const qh = o + 128 + 32 * h;
      const sc = o + 192 + 8 * h;
      const y = 256 * b + 128 * h;
      for (let half = 0; half < 2; half++) {
        const s = sc + half;
        const d0 = d * ((bytes[s] << 24) >> 24);
        const d1 = d * ((bytes[s + 2] << 24) >> 24);
        const d2 = d * ((bytes[s + 4] << 24) >> 24);
        const d3 = d * ((bytes[s + 6] << 24) >> 24);
        for (let l = 16 * half; l < 16 * half + 16; l++) {
          const a = bytes[ql + l];
          const c = bytes[ql + l + 32];
          const hi = bytes[qh + l];
          out[y + l] = d0 * (((a & 15) | ((hi & 3) << 4)) - 32);
          out[y + l + 32] = d1 * (((c & 15) | (((hi >> 2) & 3) << 4)) - 32);
          out[y + l + 64] = d2 * (((a >> 4) | (((hi >> 4) & 3) << 4)) - 32);
          out[y + l + 96] = d3 * (((c >> 4) | (((hi >> 6) & 3) << 4)) - 32);
        }
      }
    }
  }
  return 256 * blocks;
}
