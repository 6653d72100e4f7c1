import { describe, expect, it } from "vitest";
import { mirrorLower } from "./mirror-lower.ts";

describe("mirrorLower", () => {
  it("copies the lower triangle onto the upper one", () => {
    const g = Float64Array.from([1, 9, 9, 2, 3, 9, 4, 5, 6]);
    expect(Array.from(mirrorLower(g, 3))).toEqual([1, 2, 4, 2, 3, 5, 4, 5, 6]);
  });
});
