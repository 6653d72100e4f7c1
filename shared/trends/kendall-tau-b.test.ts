import { describe, expect, it } from "vitest";
import { kendallTauB } from "./kendall-tau-b.ts";

describe("kendallTauB", () => {
  it("is 1 for the same order and −1 for the reverse", () => {
    expect(kendallTauB([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(kendallTauB([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
  });
  it("corrects for ties (scipy.stats.kendalltau gives 0.912870929175277)", () => {
    expect(kendallTauB([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(0.912870929175277, 14);
  });
  it("is NaN when one side is constant", () => {
    expect(kendallTauB([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});
