import { describe, expect, it } from "vitest";
import { nelderMead } from "./nelder-mead.ts";

describe("nelderMead", () => {
  it("takes scipy.optimize.fmin's exact path on the Rosenbrock function", () => {
    const rosenbrock = ([x, y]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    // scipy 1.17: fmin(rosen, [-1.2, 1], full_output=1) → x, fopt, iterations, funcalls
    expect(result.x[0]).toBeCloseTo(1.0000220217835696, 14);
    expect(result.x[1]).toBeCloseTo(1.0000422197517715, 14);
    expect(result.fun).toBeCloseTo(8.177661197416674e-10, 20);
    expect(result.iterations).toBe(85);
    expect(result.evaluations).toBe(159);
  });

  it("matches fmin in one dimension, from an initial simplex {x0, 1.05 x0} or {0, 0.00025}", () => {
    const result = nelderMead(([x]) => (x - 3) ** 2 + 1, [0]);
    expect(result.x[0]).toBeCloseTo(3, 13);
    expect(result.iterations).toBe(28);
    expect(result.evaluations).toBe(56);
  });

  it("stays at x0 on a flat function, shrinking towards it", () => {
    const result = nelderMead(() => 7, [0.4]);
    expect(result.x).toEqual([0.4]);
    expect(result.fun).toBe(7);
  });

  it("stops at the evaluation limit", () => {
    const result = nelderMead(([x]) => -x, [1], { maxfev: 10 });
    expect(result.evaluations).toBe(10);
    expect(result.x[0]).toBeGreaterThan(1);
  });
});
