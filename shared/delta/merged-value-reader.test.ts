import { describe, expect, it } from "vitest";
import type { ValueReader } from "../esd/types.ts";
import { mergedValueReader } from "./merged-value-reader.ts";

const chunked = (values: Float32Array, size: number): ValueReader =>
  async function* (first, count) {
    for (let e = first; e < first + count; e += size) yield values.slice(e, Math.min(first + count, e + size));
  };

describe("mergedValueReader", () => {
  // W [2, 3], A [2, 3] (r = 2), B [2, 2]
  const w = Float32Array.from([1, 2, 3, 4, 5, 6]);
  const a = Float32Array.from([1, 0, 2, 0, 1, 1]);
  const b = Float32Array.from([1, 2, 3, 4]);
  // B·A = [[1, 2, 4], [3, 4, 10]]
  const expected = [2, 4, 7, 7, 9, 16];

  it("adds (B·A)[i, j] = Σ_k B[i, k]·A[k, j] to each W element, whatever the chunks and the first element", async () => {
    for (const size of [1, 2, 4, 6]) {
      for (const first of [0, 1, 4]) {
        const got: number[] = [];
        for await (const c of mergedValueReader(chunked(w, size), a, b, 2, 3)(first, 6 - first)) got.push(...c);
        expect(got).toEqual(expected.slice(first));
      }
    }
  });

  it("rounds B·A and the sum to float32, as the reference adds float32 arrays", async () => {
    const w1 = Float32Array.from([1]);
    const a1 = Float32Array.from([Math.fround(1 / 3)]);
    const b1 = Float32Array.from([Math.fround(1 / 7)]);
    const [c] = await (async () => {
      for await (const c of mergedValueReader(chunked(w1, 1), a1, b1, 1, 1)(0, 1)) return c;
      return [NaN];
    })();
    expect(c).toBe(Math.fround(1 + Math.fround(a1[0] * b1[0])));
  });
});
