import type { ValueReader } from "../esd/types.ts";
import { exactValues } from "../esd/exact-values.ts";

/**
 * W + B·A, streamed (the reference's `last_W + BA`, peft="with_base"): W's float32 values [out, in]
 * come from `readW` in row-major order; each element adds (B·A)[i, j] = Σ_k B[i, k]·A[k, j], r
 * multiply-adds summed in float64 then rounded to float32 (the reference's float32 np.dot), and the
 * sum is rounded to float32 again, as the reference adds two float32 arrays. B·A is never formed.
 */
export function mergedValueReader(readW: ValueReader, a: Float32Array | Float64Array, b: Float32Array | Float64Array, r: number, inDim: number): ValueReader {
  return async function* merged(first: number, count: number) {
    let e = first;
    for await (const chunk of exactValues(readW, first, count)) {
      const out = new Float32Array(chunk.length);
      for (let n = 0; n < chunk.length; n++, e++) {
        const i = Math.floor(e / inDim);
        const j = e - i * inDim;
        let s = 0;
        for (let k = 0; k < r; k++) s += b[i * r + k] * a[k * inDim + j];
        out[n] = chunk[n] + Math.fround(s);
      }
      yield out;
    }
  };
}
