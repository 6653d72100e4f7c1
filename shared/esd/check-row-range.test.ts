import { describe, expect, it } from "vitest";
import { checkRowRange } from "./check-row-range.ts";

describe("checkRowRange", () => {
  it("accepts whole rows inside the layer, an empty range included", () => {
    expect(() => checkRowRange(0, 10, 10)).not.toThrow();
    expect(() => checkRowRange(3, 4, 10)).not.toThrow();
    expect(() => checkRowRange(10, 0, 10)).not.toThrow();
  });

  it("refuses ranges past the end, negative or fractional starts and counts", () => {
    expect(() => checkRowRange(8, 3, 10)).toThrow(expect.objectContaining({ code: "invalid_option", message: "row range 8..11 is outside the layer's 10 rows" }));
    for (const [start, count] of [[-1, 2], [2, -1], [0.5, 1], [1, 1.5], [Number.NaN, 1], [0, Number.POSITIVE_INFINITY], [2 ** 53, 0]]) {
      expect(() => checkRowRange(start, count, 10)).toThrow(expect.objectContaining({ code: "invalid_option" }));
    }
  });
});
