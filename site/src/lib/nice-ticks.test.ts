import { describe, expect, it } from "vitest";
import { niceTicks } from "./nice-ticks.ts";

describe("niceTicks", () => {
  it("covers the range with round steps", () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0.13, 0.91, 4)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(-3.2, 2.7, 6)).toEqual([-3, -2, -1, 0, 1, 2]);
    expect(niceTicks(2, 2)).toEqual([2]);
  });
});
