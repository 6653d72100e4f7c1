import { describe, expect, it } from "vitest";
import { logTickFormatter } from "./log-tick-formatter.ts";
import { logTicks } from "./log-ticks.ts";

const labels = (lo: number, hi: number, target?: number) => logTicks(lo, hi, target).map(logTickFormatter(lo, hi));

describe("logTicks", () => {
  it("puts whole decades on wide ranges", () => {
    expect(logTicks(-3.2, 2.7, 6)).toEqual([-3, -2, -1, 0, 1, 2]);
    expect(logTicks(-10.5, 10.5, 5)).toEqual([-10, -5, 0, 5, 10]);
    expect(labels(-3.2, 2.7, 6)).toEqual(["10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹", "10²"]);
  });

  it("uses 1, 2, 5 steps within a decade or two, labelled as plain values", () => {
    expect(labels(-1.1, 0.6)).toEqual(["0.1", "0.2", "0.5", "1", "2"]);
    expect(labels(0.05, 0.65)).toEqual(["2", "3", "4"]);
    expect(labels(4.1, 5.2)).toEqual(["2e4", "5e4", "1e5"]);
  });
});
