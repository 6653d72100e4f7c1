import type { ValueReader } from "../esd/types.ts";
import { exactValues } from "../esd/exact-values.ts";

/**
 * W − W_base, streamed: both readers are read in lockstep over the same elements and each pair is
 * subtracted in float32, d = fl32(w − w_base), as the reference subtracts its float32 arrays
 * (`W_left - W_right`, WWDeltaLayerIterator). Math.fround of the float64 difference of two float32
 * values is the float32 difference exactly (53 ≥ 2·24 + 2 bits), so no double rounding creeps in.
 * Chunks of the two streams need not line up; neither stream is ever held whole.
 */
export function differenceValueReader(read: ValueReader, readBase: ValueReader): ValueReader {
  return async function* difference(first: number, count: number) {
    const left = exactValues(read, first, count)[Symbol.asyncIterator]();
    const right = exactValues(readBase, first, count)[Symbol.asyncIterator]();
    let a: Float32Array = new Float32Array(0);
    let b: Float32Array = new Float32Array(0);
    try {
      for (let done = 0; done < count; ) {
        if (a.length === 0) a = await next(left);
        if (b.length === 0) b = await next(right);
        const n = Math.min(a.length, b.length);
        const out = new Float32Array(n);
        for (let i = 0; i < n; i++) out[i] = a[i] - b[i];
        a = a.subarray(n);
        b = b.subarray(n);
        done += n;
        yield out;
      }
    } finally {
      await Promise.all([left.return?.(undefined), right.return?.(undefined)]);
    }
  };
}

/** The next chunk (never an empty one); exactValues has checked the count, so the stream cannot end early. */
async function next(it: AsyncIterator<Float32Array>): Promise<Float32Array> {
  for (;;) {
    const { value, done } = await it.next();
    if (done) throw new Error("a stream of the difference ended early");
    if (value.length > 0) return value;
  }
}
