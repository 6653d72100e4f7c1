/**
 * Solves L Lᵀ x = b in place (b becomes x) with the Cholesky factor L held in the lower triangle
 * of the row-major n×n array `l`: forward substitution with L, then back substitution with Lᵀ
 * done column-wise so that both sweeps read rows of L.
 */
export function choleskySolve(n: number, l: Float64Array, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[row + k] * b[k];
    b[i] = s / l[row + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    const row = i * n;
    const x = b[i] / l[row + i];
    b[i] = x;
    for (let k = 0; k < i; k++) b[k] -= l[row + k] * x;
  }
}
