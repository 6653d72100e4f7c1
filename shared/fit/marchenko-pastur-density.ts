import { nanToNum } from "./nan-to-num.ts";

/** MP bulk edges λ± = (σ(1 ± 1/√Q))² */
export function marchenkoPasturEdges(Q: number, sigma: number): { lower: number; upper: number } {
  const lower = sigma * (1 - Math.sqrt(1 / Q));
  const upper = sigma * (1 + Math.sqrt(1 / Q));
  return { lower: lower * lower, upper: upper * upper };
}

/**
 * Marchenko–Pastur density ρ(x) = √((λ₊ − x)(x − λ₋)) / (2π σ² x / Q), 0 outside the bulk (where the
 * square root is NaN, as the reference's nan_to_num makes it).
 */
export function marchenkoPasturDensity(x: number, Q: number, sigma: number): number {
  const { lower, upper } = marchenkoPasturEdges(Q, sigma);
  const y = 1 / Q;
  return nanToNum((1 / (2 * Math.PI * sigma * sigma * x * y)) * Math.sqrt((upper - x) * (x - lower)));
}

/**
 * The reference's quarter-circle law for Q = 1, fitted to singular values: √(4 − x²)/(π σ²).
 * (σ scales the height only, not the support: that is how the reference writes it.)
 */
export function quarterCircleDensity(x: number, sigma: number): number {
  return nanToNum((1 / (Math.PI * sigma * sigma)) * Math.sqrt(4 - x * x));
}
