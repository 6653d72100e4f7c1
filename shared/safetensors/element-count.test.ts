import { describe, expect, it } from "vitest";
import { elementCount } from "./element-count.ts";

describe("elementCount", () => {
  it("multiplies the dimensions, 1 for a scalar, null past 2^53", () => {
    expect(elementCount([])).toBe(1);
    expect(elementCount([3, 0, 5])).toBe(0);
    expect(elementCount([768, 3072])).toBe(2359296);
    expect(elementCount([2 ** 27, 2 ** 27])).toBeNull();
  });
});
