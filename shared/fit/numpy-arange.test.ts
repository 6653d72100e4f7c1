import { describe, expect, it } from "vitest";
import { numpyArange } from "./numpy-arange.ts";
import { numpyLinspace } from "./numpy-linspace.ts";

describe("numpyArange", () => {
  it("reproduces numpy.arange's length and values (including its rounding)", () => {
    const s = 1.595393967630393;
    const grid = numpyArange(0.05 * s, 2.0 * s, 0.01 * s);
    expect(grid.length).toBe(195);
    const pick = (g: Float64Array) => [g[0], g[1], g[2], g[g.length >> 1], g[g.length - 1]];
    expect(pick(grid)).toEqual([0.07976969838151965, 0.09572363805782358, 0.11167757773412751, 1.627301846983001, 3.174833995584482]);
    expect(pick(numpyArange(0.1, 1.0, 0.1))).toEqual([0.1, 0.2, 0.30000000000000004, 0.5, 0.9]);
    const g = numpyArange(0.3, 1.05, 0.1);
    expect(g.length).toBe(8);
    expect(pick(g)).toEqual([0.3, 0.4, 0.5, 0.7000000000000002, 1.0000000000000002]);
  });

  it("is empty for an empty range", () => {
    expect(numpyArange(1, 1, 0.1).length).toBe(0);
  });
});

describe("numpyLinspace", () => {
  it("ends exactly at stop", () => {
    const x = numpyLinspace(0, 5.7, 1000);
    expect(x[0]).toBe(0);
    expect(x[999]).toBe(5.7);
    expect(x[1]).toBe(5.7 / 999);
  });
});
