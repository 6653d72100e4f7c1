import { packedRowStart } from "./packed-row-start.ts";

/** Copies the lower triangle of the row-major n×n matrix `a` into the aligned packed layout `dst`. */
export function packLowerTriangle(n: number, a: Float64Array, dst: Float64Array): void {
  for (let r = 0; r < n; r++) dst.set(a.subarray(r * n, r * n + r + 1), packedRowStart(r));
}

/** The full symmetric row-major n×n matrix whose lower triangle is packed in `src`. */
export function unpackSymmetric(n: number, src: Float64Array): Float64Array {
  const out = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    const start = packedRowStart(r);
    out.set(src.subarray(start, start + r + 1), r * n);
    for (let c = 0; c < r; c++) out[c * n + r] = src[start + c];
  }
  return out;
}
