import { describe, expect, it } from "vitest";
import { createRng } from "./create-rng.ts";
import { indexPermutation } from "./index-permutation.ts";

describe("indexPermutation", () => {
  it("is a bijection of 0 … n−1 for sizes small and large, powers of two or not", () => {
    for (const n of [1, 2, 3, 4, 5, 16, 17, 100, 600, 1023, 4096, 12345, 2 ** 18 + 7]) {
      const p = indexPermutation(n, createRng(n));
      const seen = new Uint8Array(n);
      for (let i = 0; i < n; i++) seen[p(i)]++;
      expect(seen.every((c) => c === 1), `n = ${n}`).toBe(true);
    }
  });

  it("is the same permutation for the same generator state and another for another seed", () => {
    const n = 5000;
    const listed = (seed: number) => Array.from({ length: n }, (_, i) => indexPermutation(n, createRng(seed))(i));
    const one = indexPermutation(n, createRng(3));
    expect(Array.from({ length: n }, (_, i) => one(i))).toEqual(listed(3));
    const other = listed(4);
    expect(other.filter((v, i) => v === one(i)).length).toBeLessThan(20);
  });

  it("draws every order of 4 and of 5 values with the same frequency (χ²)", () => {
    const rng = createRng(11);
    // χ² quantiles at 0.999: 23 degrees of freedom 49.7, 119 degrees 173.6
    for (const [n, limit] of [[4, 49.7], [5, 173.6]] as const) {
      const counts = new Map<string, number>();
      const draws = 12000 * n;
      for (let d = 0; d < draws; d++) {
        const p = indexPermutation(n, rng);
        const key = Array.from({ length: n }, (_, i) => p(i)).join("");
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const orders = n === 4 ? 24 : 120;
      expect(counts.size).toBe(orders);
      const expected = draws / orders;
      const chi2 = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
      expect(chi2, `n = ${n}`).toBeLessThan(limit);
    }
  });

  it("refuses an empty, fractional or too large domain and an index outside it", () => {
    expect(() => indexPermutation(0, createRng(1))).toThrow(RangeError);
    expect(() => indexPermutation(2.5, createRng(1))).toThrow(RangeError);
    expect(() => indexPermutation(2 ** 31, createRng(1))).toThrow(RangeError);
    expect(() => indexPermutation(10, createRng(1))(10)).toThrow(RangeError);
  });
});
