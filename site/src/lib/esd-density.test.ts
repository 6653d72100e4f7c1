import { describe, expect, it } from "vitest";
import { esdDensity } from "./esd-density.ts";
import { powerLawLine } from "./power-law-line.ts";

describe("esdDensity", () => {
  it("turns counts into densities and drops empty bins", () => {
    const bins = esdDensity([0, 1, 2], [5, 0], 10);
    expect(bins).toHaveLength(1);
    expect(bins[0].lo).toBe(0);
    expect(10 ** bins[0].logDensity).toBeCloseTo(5 / (10 * 9), 12);
  });

  it("integrates to the sampled mass, so it sits on the same scale as the fitted tail", () => {
    // a Pareto sample's histogram density should match the fitted line at the bin's midpoint
    const alpha = 3;
    const xmin = 1;
    const n = 200000;
    const edges = Array.from({ length: 21 }, (_, i) => i * 0.1);
    const counts = edges.slice(0, -1).map((lo, i) => {
      const cdf = (x: number) => 1 - x ** (1 - alpha);
      return Math.round(n * (cdf(10 ** edges[i + 1]) - cdf(10 ** lo)));
    });
    const bins = esdDensity(edges, counts, n);
    const line = powerLawLine(alpha, xmin, 100, n, n)!;
    const slope = (line[1][1] - line[0][1]) / (line[1][0] - line[0][0]);
    expect(slope).toBeCloseTo(-alpha, 12);
    const mid = (bins[3].lo + bins[3].hi) / 2;
    const lineAt = line[0][1] + slope * (mid - line[0][0]);
    expect(Math.abs(bins[3].logDensity - lineAt)).toBeLessThan(0.01);
  });

  it("has no line without a fit", () => {
    expect(powerLawLine(-1, -1, 5, -1, 10)).toBeNull();
    expect(powerLawLine(null, 1, 5, 3, 10)).toBeNull();
  });
});
