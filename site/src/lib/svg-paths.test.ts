import { describe, expect, it } from "vitest";
import { barsPath, dotsPath, linePath, stepPath, trianglesPath } from "./svg-paths.ts";

describe("svg paths", () => {
  it("draws lines, bars, steps, dots and triangles", () => {
    expect(linePath([[0, 0], [10.04, 5.06]])).toBe("M0 0L10 5.1");
    expect(barsPath([[0, 2, 1]], 10)).toBe("M0 10V1H2V10Z");
    expect(stepPath([[0, 1, 5], [1, 2, 3]])).toBe("M0 5H1L1 3H2");
    expect(dotsPath([[5, 5]], 2)).toBe("M3 5a2 2 0 1 0 4 0a2 2 0 1 0 -4 0");
    expect(trianglesPath([[5, 0]], 3)).toBe("M5 0l3 4.8h-6Z");
    expect(linePath([])).toBe("");
  });
});
