import { LinalgError } from "./linalg-error.ts";
import type { Tridiagonal } from "./householder-tridiagonalize.ts";

const MAX_ITERATIONS_PER_EIGENVALUE = 60;

/**
 * Eigenvalues of a symmetric tridiagonal matrix by the implicit QL algorithm with Wilkinson
 * shifts (Bowdler, Martin, Reinsch & Wilkinson, "tql1"): each sweep chases the bulge up with
 * Givens rotations, so every eigenvalue is exact for a matrix within a few ε‖T‖ of T. The inputs
 * are copied; the result is ascending.
 */
export function tridiagonalEigenvalues(t: Tridiagonal): Float64Array {
  const n = t.diagonal.length;
  const d = Float64Array.from(t.diagonal);
  const e = new Float64Array(n);
  e.set(t.offDiagonal.subarray(0, Math.max(0, n - 1)));

  for (let l = 0; l < n; l++) {
    let iterations = 0;
    for (;;) {
      // find the first negligible off-diagonal at or after l: the block l..m is unreduced
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= Number.EPSILON * dd) break;
      }
      if (m === l) break;
      if (++iterations > MAX_ITERATIONS_PER_EIGENVALUE) {
        throw new LinalgError("no_convergence", `tridiagonal QL did not converge for eigenvalue ${l} of ${n}`);
      }
      // Wilkinson shift from the leading 2×2 block
      let g = (d[l + 1] - d[l]) / (2 * e[l]);
      let r = Math.hypot(g, 1);
      g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      for (; i >= l; i--) {
        const f = s * e[i];
        const b = c * e[i];
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          // underflow: the block splits here, undo the partial shift and restart
          d[i + 1] -= p;
          e[m] = 0;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
      }
      if (r === 0 && i >= l) continue;
      d[l] -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
  return d.sort();
}
