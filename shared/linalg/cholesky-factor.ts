import { LinalgError } from "./linalg-error.ts";

/**
 * In-place Cholesky factor A = L Lᵀ of a symmetric positive definite n×n matrix (row-major; the
 * lower triangle is read and replaced by L, the strict upper triangle is left as it was).
 */
export function choleskyFactor(n: number, a: Float64Array): void {
  if (a.length !== n * n) throw new LinalgError("invalid_matrix", `a ${n}×${n} matrix needs ${n * n} values, got ${a.length}`);
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let d = a[rowJ + j];
    for (let k = 0; k < j; k++) d -= a[rowJ + k] * a[rowJ + k];
    if (!(d > 0)) throw new LinalgError("not_positive_definite", `pivot ${j} of ${n} is ${d}`);
    const ljj = Math.sqrt(d);
    a[rowJ + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let s = a[rowI + j];
      for (let k = 0; k < j; k++) s -= a[rowI + k] * a[rowJ + k];
      a[rowI + j] = s / ljj;
    }
  }
}
