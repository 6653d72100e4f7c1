import { AWQ_NIBBLE_OF } from "./awq-order.ts";

/** The unpacked pieces of an AWQ GEMM weight for output features c0 … c0+n−1 (docs/metrics.md §9). */
export interface AwqWindow {
  inFeatures: number;
  groupSize: number;
  c0: number;
  n: number;
  /** qweight[:, j0:j0+wordCols] as [in, wordCols] words, j0 = ⌊c0/8⌋ */
  qweight: Uint32Array;
  /** qzeros[:, j0:j0+wordCols] as [groups, wordCols] words */
  qzeros: Uint32Array;
  wordCols: number;
  /** scales[:, c0:c0+n] as [groups, n] */
  scales: Float32Array;
  round: (x: number) => number;
}

/**
 * Rows from … from+count−1 (within the window) of the float weight [out, in] an AWQ GEMM weight stands for, as AutoAWQ's
 * `dequantize_gemm` computes it (then transposed to the Linear's [out, in]):
 * W[o, i] = s[g, o] · (q − z) with g = ⌊i / group_size⌋, q = qweight[i, ⌊o/8⌋] >> 4·nibble(o mod 8) & 15,
 * z = qzeros[g, ⌊o/8⌋] >> 4·nibble(o mod 8) & 15 (zeros stored as they are), rounded once to the scales' dtype.
 */
export function dequantizeAwqRows(w: AwqWindow, from = w.c0, count = w.n): Float32Array {
  const { inFeatures, groupSize, c0, n, qweight, qzeros, wordCols, scales, round } = w;
  const j0 = Math.floor(c0 / 8);
  const out = new Float32Array(count * inFeatures);
  for (let row = 0; row < count; row++) {
    const o = from + row;
    const k = o - c0;
    const word = Math.floor(o / 8) - j0;
    const shift = 4 * AWQ_NIBBLE_OF[o % 8];
    for (let i = 0; i < inFeatures; i++) {
      const g = Math.floor(i / groupSize);
      const q = (qweight[i * wordCols + word] >>> shift) & 15;
      const z = (qzeros[g * wordCols + word] >>> shift) & 15;
      out[row * inFeatures + i] = round(scales[g * n + k] * (q - z));
    }
  }
  return out;
}
