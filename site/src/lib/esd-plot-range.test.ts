import { describe, expect, it } from "vitest";
import { esdPlotRange } from "./esd-plot-range.ts";

describe("esdPlotRange", () => {
  it("keeps the whole ESD when it spans few decades", () => {
    expect(esdPlotRange([-1, 0, 1], [3, 4], 0, 10)).toEqual({ from: -1, hidden: 0 });
  });

  it("cuts rounding noise far below λmax and counts what it leaves out", () => {
    const edges = [-22, -18, -14, -10, -6, -2, 2];
    const counts = [1, 2, 0, 3, 4, 10];
    expect(esdPlotRange(edges, counts, 5, 100, 7)).toEqual({ from: -5, hidden: 5 + 1 + 2 + 0 + 3 });
  });
});
