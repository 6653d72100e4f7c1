import { describe, expect, it } from "vitest";
import { createRng } from "./create-rng.ts";

describe("createRng", () => {
  it("repeats its stream for a seed and differs between seeds", () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 5 }, () => rng.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(2 ** 40)).not.toEqual(draw(0));
  });

  it("draws uniform doubles in [0, 1) and unbiased integers below n", () => {
    const rng = createRng(7);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) {
      const u = rng.uniform();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      counts[rng.below(6)]++;
    }
    // χ² with 5 degrees of freedom: 20.5 is its 0.999 quantile
    const chi2 = counts.reduce((s, c) => s + (c - 10000) ** 2 / 10000, 0);
    expect(chi2).toBeLessThan(20.5);
    expect(createRng(1).below(1)).toBe(0);
    const big = createRng(3).below(2 ** 40);
    expect(Number.isInteger(big) && big >= 0 && big < 2 ** 40).toBe(true);
  });

  it("rejects seeds that are not whole numbers in [0, 2^53)", () => {
    for (const seed of [-1, 0.5, Number.NaN, 2 ** 53]) expect(() => createRng(seed)).toThrow(RangeError);
    expect(() => createRng(1).below(0)).toThrow(RangeError);
  });
});
