import { linearKde } from "./linear-kde.ts";
import { numpyLinspace } from "./numpy-linspace.ts";
import { DENSITY_FLOOR, type EmpiricalDensity } from "./mp-residual.ts";

export const KDE_BANDWIDTH = 0.1;
export const KDE_POINTS = 1000;
/** relative difference below which two density values count as the same maximum */
const PLATEAU_TOLERANCE = 1e-12;

/**
 * The density the MP law is fitted to, as the reference builds it: a linear-kernel KDE
 * (bandwidth 0.1) on 1000 points over [0, max + 0.5], keeping the points where it exceeds 0.01.
 * Null when no point does.
 */
export function empiricalDensity(values: ArrayLike<number>): EmpiricalDensity | null {
  let largest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, values[i]);
  const grid = numpyLinspace(0, largest + 0.5, KDE_POINTS);
  const density = linearKde(values, KDE_BANDWIDTH, grid);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < grid.length; i++) {
    if (density[i] > DENSITY_FLOOR) {
      x.push(grid[i]);
      y.push(density[i]);
    }
  }
  if (x.length === 0) return null;
  // A linear-kernel density is piecewise linear and often flat at its top (as many samples rising
  // as falling within a bandwidth), so several grid points share the maximum exactly and only
  // rounding would pick one: take the first point of that plateau, as exact arithmetic does.
  let max = 0;
  for (const v of y) max = Math.max(max, v);
  const top = y.findIndex((v) => v >= max * (1 - PLATEAU_TOLERANCE));
  return { x: Float64Array.from(x), y: Float64Array.from(y), peak: x[top] };
}
