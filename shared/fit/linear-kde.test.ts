import { describe, expect, it } from "vitest";
import { linearKde } from "./linear-kde.ts";
import { numpyLinspace } from "./numpy-linspace.ts";

describe("linearKde", () => {
  it("is a triangle of height 1/h around a single sample", () => {
    const y = linearKde([1], 0.1, [0.8, 0.9, 0.95, 1, 1.05, 1.1]);
    expect(Array.from(y).map((v) => Number(v.toFixed(12)))).toEqual([0, 0, 5, 10, 5, 0]);
  });

  it("integrates to 1 and matches the direct sum", () => {
    let state = 3;
    const samples = Array.from({ length: 300 }, () => ((state = (state * 69069 + 1) % 4294967296) / 4294967296) * 3);
    const grid = numpyLinspace(-0.5, 3.5, 4001);
    const y = linearKde(samples, 0.1, grid);
    const integral = y.reduce((s, v) => s + v, 0) * (grid[1] - grid[0]);
    expect(integral).toBeCloseTo(1, 6);
    const direct = (x: number) => samples.reduce((s, v) => s + Math.max(0, 1 - Math.abs(x - v) / 0.1), 0) / (300 * 0.1);
    for (const i of [0, 500, 1234, 2000, 3999]) expect(y[i]).toBeCloseTo(direct(grid[i]), 12);
  });
});
