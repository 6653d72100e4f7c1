import { marchenkoPasturDensity, marchenkoPasturEdges, quarterCircleDensity } from "./marchenko-pastur-density.ts";

/** Where the empirical density is at most this, grid points are dropped from the fit (the reference's THRESH). */
export const DENSITY_FLOOR = 0.01;
/** the reference's residual for a σ whose bulk cannot fit the density's peak */
const PENALTY = 1000;

export interface EmpiricalDensity {
  /** grid points kept (density > DENSITY_FLOOR) and the density there */
  x: Float64Array;
  y: Float64Array;
  /** first kept grid point where the density is largest */
  peak: number;
}

/**
 * Σ (ρ_MP(x; Q, σ) − ρ_emp(x))² over the kept grid points (the reference's resid_mp), with its
 * penalty: for Q ≠ 1, every residual is 1000 when λ₊ < peak, λ₊ > the last grid point, or
 * λ₋ > peak. For Q = 1 the quarter-circle law is used instead.
 */
export function mpResidual(sigma: number, density: EmpiricalDensity, Q: number): number {
  const { x, y, peak } = density;
  let sum = 0;
  if (Q === 1) {
    for (let i = 0; i < x.length; i++) {
      const r = quarterCircleDensity(x[i], sigma) - y[i];
      sum += r * r;
    }
    return sum;
  }
  const { lower, upper } = marchenkoPasturEdges(Q, sigma);
  if (upper < peak || upper > x[x.length - 1] || lower > peak) return x.length * PENALTY ** 2;
  for (let i = 0; i < x.length; i++) {
    const r = marchenkoPasturDensity(x[i], Q, sigma) - y[i];
    sum += r * r;
  }
  return sum;
}
