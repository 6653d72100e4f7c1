import { describe, expect, it } from "vitest";
import { jensenShannonDistance } from "./jensen-shannon-distance.ts";

describe("jensenShannonDistance", () => {
  it("matches scipy.stats.entropy-based values", () => {
    // √((entropy(p, m) + entropy(q, m)) / 2), m = (p + q)/2, computed with scipy 1.17
    expect(jensenShannonDistance([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(0.32625164411267443, 15);
    expect(jensenShannonDistance([0, 1, 5, 10], [1, 1, 6, 8])).toBeCloseTo(0.16298057924980808, 15);
  });

  it("is 0 for identical distributions, symmetric, and at most √ln 2", () => {
    expect(jensenShannonDistance([3, 1, 2], [3, 1, 2])).toBe(0);
    expect(jensenShannonDistance([1, 5], [2, 3])).toBe(jensenShannonDistance([2, 3], [1, 5]));
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
  });

  it("rejects vectors of different lengths", () => {
    expect(() => jensenShannonDistance([1, 2], [1])).toThrow(RangeError);
  });
});
