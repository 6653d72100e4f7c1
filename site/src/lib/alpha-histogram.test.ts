import { describe, expect, it } from "vitest";
import { alphaHistogram } from "./alpha-histogram.ts";

describe("alphaHistogram", () => {
  it("bins α from 0 to at least 8 and counts values past the cap apart", () => {
    const { bins, overflow } = alphaHistogram([1.2, 2.1, 2.4, 5.99, 30], 0.5, 12);
    expect(bins[0].lo).toBe(0);
    expect(bins.at(-1)!.hi).toBe(12);
    expect(bins.find((b) => b.lo === 2)!.count).toBe(2);
    expect(bins.find((b) => b.lo === 1)!.count).toBe(1);
    expect(bins.find((b) => b.lo === 5.5)!.count).toBe(1);
    expect(overflow).toBe(1);
    expect(alphaHistogram([3]).bins.at(-1)!.hi).toBe(8);
  });
});
