import { LinalgError } from "./linalg-error.ts";
import { householderTridiagonalize } from "./householder-tridiagonalize.ts";
import { tridiagonalEigenvalues } from "./tridiagonal-eigenvalues.ts";

/**
 * Eigenvalues of a real symmetric n×n matrix given full and row-major (only the lower triangle is
 * read; `a` may be overwritten), ascending, float64. Implementations are interchangeable: the
 * JavaScript one below, or a WASM one injected where it is available.
 */
export type Eigvalsh = (n: number, a: Float64Array) => Float64Array;

/** Householder tridiagonalisation, then implicit QL on the tridiagonal matrix. */
export const eigvalsh: Eigvalsh = (n, a) => {
  if (!Number.isInteger(n) || n < 0) throw new LinalgError("invalid_matrix", `matrix order must be a whole number ≥ 0, got ${n}`);
  if (a.length !== n * n) throw new LinalgError("invalid_matrix", `a ${n}×${n} matrix needs ${n * n} values, got ${a.length}`);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      if (!Number.isFinite(a[i * n + j])) throw new LinalgError("invalid_matrix", `entry (${i}, ${j}) is ${a[i * n + j]}`);
    }
  }
  return tridiagonalEigenvalues(householderTridiagonalize(n, a));
};
