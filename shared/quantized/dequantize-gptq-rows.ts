/** The unpacked pieces of a GPTQ weight for output features c0 … c0+n−1 (docs/metrics.md §9). */
export interface GptqWindow {
  bits: 2 | 4 | 8;
  /** 1 for checkpoint_format "gptq" (zeros stored minus 1, AutoGPTQ's "+1"), 0 for "gptq_v2" */
  zeroOffset: 0 | 1;
  inFeatures: number;
  /** first output feature the window holds (its column in qweight and scales) */
  c0: number;
  /** output features the window holds */
  n: number;
  /** qweight[:, c0:c0+n] as [in·bits/32, n] words */
  qweight: Uint32Array;
  /** qzeros[:, ⌊c0/pf⌋ : ⌊c0/pf⌋+zeroCols] as [groups, zeroCols] words (pf = 32/bits values per word) */
  qzeros: Uint32Array;
  zeroCols: number;
  /** scales[:, c0:c0+n] as [groups, n] */
  scales: Float32Array;
  /** the group of each input feature: g_idx, or ⌊i / group_size⌋ */
  groupOf: Int32Array;
  /** the rounding of each product to the scales' dtype */
  round: (x: number) => number;
}

/**
 * Rows from … from+count−1 (within the window) of the float weight [out, in] a GPTQ weight stands for, as AutoGPTQ's and
 * GPTQModel's torch dequantizers compute it (qlinear_cuda.py / `dequantize_weight`):
 * W[o, i] = s[g, o] · (q − z) with g = g_idx[i], q = qweight[⌊i/pf⌋, o] >> bits·(i mod pf) & (2^bits − 1),
 * z = (qzeros[g, ⌊o/pf⌋] >> bits·(o mod pf) & (2^bits − 1)) + zeroOffset, rounded once to the scales' dtype.
 */
export function dequantizeGptqRows(w: GptqWindow, from = w.c0, count = w.n): Float32Array {
  const { bits, inFeatures, c0, n, qweight, qzeros, zeroCols, scales, groupOf, round, zeroOffset } = w;
  const pf = 32 / bits;
  const mask = (1 << bits) - 1;
  const zeroBase = Math.floor(c0 / pf);
  const out = new Float32Array(count * inFeatures);
  for (let row = 0; row < count; row++) {
    const o = from + row;
    const k = o - c0;
    const zeroWord = Math.floor(o / pf) - zeroBase;
    const zeroShift = bits * (o % pf);
    for (let i = 0; i < inFeatures; i++) {
      const g = groupOf[i];
      const q = (qweight[Math.floor(i / pf) * n + k] >>> (bits * (i % pf))) & mask;
      const z = ((qzeros[g * zeroCols + zeroWord] >>> zeroShift) & mask) + zeroOffset;
      out[row * inFeatures + i] = round(scales[g * n + k] * (q - z));
    }
  }
  return out;
}
