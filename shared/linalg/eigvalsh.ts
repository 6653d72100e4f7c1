import { LinalgError } from "./linalg-error.ts";
import { householderTridiagonalize } from "./householder-tridiagonalize.ts";
import { tridiagonalEigenvalues } from "./tridiagonal-eigenvalues.ts";
import type { SymmetricReduction } from "./symmetric-reduction.ts";

/**
 * Eigenvalues of a real symmetric n×n matrix given full and row-major (only the lower triangle is
 * read; `a` may be overwritten), ascending, float64. Implementations are interchangeable: the
 * JavaScript one below, or a WASM one injected where it is available. `reduce`, where a solver
 * has it, computes the same eigenvalues and keeps the reduction (for a few eigenvectors at O(n²)
 * each: the refinement of the small end, shared/esd/refine-small-singular-values.ts).
 */
export interface Eigvalsh {
  (n: number, a: Float64Array): Float64Array;
  reduce?: (n: number, a: Float64Array) => SymmetricReduction;
}

function checkSymmetricInput(n: number, a: Float64Array): void {
  if (!Number.isInteger(n) || n < 0) throw new LinalgError("invalid_matrix", `matrix order must be a whole number ≥ 0, got ${n}`);
  if (a.length !== n * n) throw new LinalgError("invalid_matrix", `a ${n}×${n} matrix needs ${n * n} values, got ${a.length}`);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      if (!Number.isFinite(a[i * n + j])) throw new LinalgError("invalid_matrix", `entry (${i}, ${j}) is ${a[i * n + j]}`);
    }
  }
}

/** Householder tridiagonalisation, then implicit QL on the tridiagonal matrix. */
export const eigvalsh: Eigvalsh = (n, a) => {
  checkSymmetricInput(n, a);
  return tridiagonalEigenvalues(householderTridiagonalize(n, a));
};

/**
 * The same eigenvalues (bit for bit) with the tridiagonal T and the reflectors kept: `a` ends up
 * holding the reflectors, so the reduction costs no memory beyond T.
 */
eigvalsh.reduce = (n, a) => {
  checkSymmetricInput(n, a);
  const t = householderTridiagonalize(n, a, { keepReflectors: true });
  const values = tridiagonalEigenvalues(t);
  const h = t.reflectorScale as Float64Array;
  return {
    values,
    bandwidth: 1,
    band() {
      const band = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        band[2 * i] = t.diagonal[i];
        band[2 * i + 1] = i > 0 ? t.offDiagonal[i - 1] : 0;
      }
      return band;
    },
    applyQ(vectors) {
      const v = new Float64Array(n);
      for (let k = n - 3; k >= 0; k--) {
        if (h[k] === 0) continue;
        for (let i = k + 1; i < n; i++) v[i] = a[i * n + k];
        for (const x of vectors) {
          let s = 0;
          for (let i = k + 1; i < n; i++) s += v[i] * x[i];
          const f = s / h[k];
          for (let i = k + 1; i < n; i++) x[i] -= f * v[i];
        }
      }
    },
    dispose() {},
  };
};
