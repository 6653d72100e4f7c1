import { LinalgError } from "./linalg-error.ts";
import { orthonormalize } from "./orthonormalize.ts";
import type { SymmetricReduction } from "./symmetric-reduction.ts";

/**
 * An orthonormal basis of `start.length` vectors spanning the eigenvectors of A = Q B Qᵀ for its
 * smallest eigenvalues, by inverse subspace iteration on the band B: Z ← orth((B + μI)⁻¹ Z),
 * `steps` times, with a band Cholesky factor of B + μI (O(n·b²) once, O(n·b) per solve), then
 * X = Q Z. Each step shrinks the components outside the wanted eigenspace by
 * (λ_wanted + μ)/(λ_next + μ). `start` (orthonormalized here) is overwritten and returned.
 * Throws LinalgError when B + μI has a pivot ≤ 0 (μ too small for B's rounding).
 */
export function smallEigenvectors(reduction: SymmetricReduction, start: Float64Array[], shift: number, steps: number): Float64Array[] {
  const b = reduction.bandwidth;
  const factor = reduction.band();
  const w = b + 1;
  const n = factor.length / w;
  if (!Number.isInteger(n) || start.some((x) => x.length !== n)) throw new LinalgError("invalid_matrix", `start vectors do not match a band of order ${n}`);
  // in units of B's largest entry, so that (B + μI)⁻¹ neither overflows nor underflows for any scaling of A
  let scale = 0;
  for (const v of factor) scale = Math.max(scale, Math.abs(v));
  if (!(scale > 0) || !Number.isFinite(scale)) scale = 1;
  for (let i = 0; i < factor.length; i++) factor[i] /= scale;
  bandCholesky(n, b, factor, shift / scale);
  orthonormalize(start);
  for (let step = 0; step < steps; step++) {
    for (const x of start) bandCholeskySolve(n, b, factor, x);
    orthonormalize(start);
  }
  reduction.applyQ(start);
  return start;
}

/**
 * In place: the lower band L[i·(b+1) + d] = L(i, i − d) of the Cholesky factor of B + μI, from B's
 * band in the same layout.
 */
export function bandCholesky(n: number, b: number, band: Float64Array, shift: number): void {
  const w = b + 1;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - b);
    for (let j = lo; j <= i; j++) {
      let s = band[i * w + (i - j)] + (i === j ? shift : 0);
      for (let k = lo; k < j; k++) s -= band[i * w + (i - k)] * band[j * w + (j - k)];
      if (i === j) {
        if (!(s > 0)) throw new LinalgError("not_positive_definite", `band pivot ${i} of ${n} is ${s}`);
        band[i * w] = Math.sqrt(s);
      } else {
        band[i * w + (i - j)] = s / band[j * w];
      }
    }
  }
}

/** Solves L Lᵀ x = y in place with the band factor from bandCholesky. */
export function bandCholeskySolve(n: number, b: number, l: Float64Array, x: Float64Array): void {
  const w = b + 1;
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let k = Math.max(0, i - b); k < i; k++) s -= l[i * w + (i - k)] * x[k];
    x[i] = s / l[i * w];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k <= Math.min(n - 1, i + b); k++) s -= l[k * w + (k - i)] * x[k];
    x[i] = s / l[i * w];
  }
}
