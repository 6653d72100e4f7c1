import { describe, expect, it } from "vitest";
import { lowerBandOffset } from "./lower-band-offset.ts";

describe("lowerBandOffset", () => {
  it("counts the band's values row by row", () => {
    const [start, end, order] = [3, 7, 11];
    let count = 0;
    for (let r = start; r <= order; r++) {
      expect(lowerBandOffset(start, end, r)).toBe(count);
      count += Math.min(end, r + 1) - start;
    }
  });

  it("gives bands that tile the lower triangle", () => {
    const order = 10;
    const edges = [0, 4, 9, 10];
    let total = 0;
    for (let b = 0; b + 1 < edges.length; b++) total += lowerBandOffset(edges[b], edges[b + 1], order);
    expect(total).toBe((order * (order + 1)) / 2);
  });
});
