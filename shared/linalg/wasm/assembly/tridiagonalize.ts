// Blocked Householder reduction of a symmetric matrix to tridiagonal form, Qᵀ A Q = T (LAPACK's
// dsytrd/dlatrd, lower): each panel of nb columns is reduced with the trailing matrix left as is
// and corrected on the fly (level 2), then the trailing matrix gets one rank-2nb update (level 3).
import { at, el, even } from "./layout";
import { axpy, dot, scal } from "./vector";
import { householder } from "./householder";
import { symvTrailing } from "./symv-trailing";
import { packPanels, syr2kTrailing } from "./syr2k-trailing";

/** doubles of workspace tridiagonalize needs: column, V and W (nb vectors each), their micro-panels */
export function tridiagonalizeWorkLength(n: i32, nb: i32): i32 {
  return even(n) + 2 * nb * even(n) + 2 * nb * 4 * ((n + 3) >> 2);
}

/**
 * Reduces the packed lower triangle at `a` (overwritten) to T = Qᵀ A Q: diagonal d[0..n),
 * off-diagonal e[0..n−1). With `keep` ≠ 0 the reflectors are kept for eigenvectors: Q = H_0 ⋯ H_{n−2},
 * H_i = I − τ_i v vᵀ with v[i+1] = 1 and v[r] = A(r, i) for r ≥ i+2 (column i below its
 * subdiagonal, which the reduction no longer reads), τ_i in keep[i] (τ_{n−1} = 0).
 */
export function tridiagonalize(n: i32, a: usize, d: usize, e: usize, work: usize, nb: i32, keep: usize): void {
  const ld = even(n);
  const col = work;
  const vs = col + ((<usize>ld) << 3);
  const ws = vs + ((<usize>(nb * ld)) << 3);
  const vp = ws + ((<usize>(nb * ld)) << 3);
  const wp = vp + ((<usize>(nb * 4 * ((n + 3) >> 2))) << 3);
  for (let i0 = 0; i0 < n; i0 += nb) {
    const b = min(nb, n - i0);
    for (let r = i0; r < n; r++) store<f64>(el(col, r), load<f64>(at(a, r, i0)));
    for (let k = 0; k < b; k++) {
      const i = i0 + k;
      // column i as the panel's earlier reflectors left it: x −= V_t W_t[i] + W_t V_t[i]
      for (let t = 0; t < k; t++) {
        const vt = vs + ((<usize>(t * ld)) << 3);
        const wt = ws + ((<usize>(t * ld)) << 3);
        axpy(-load<f64>(el(wt, i)), vt, col, i, n);
        axpy(-load<f64>(el(vt, i)), wt, col, i, n);
      }
      store<f64>(el(d, i), load<f64>(el(col, i)));
      if (i == n - 1) break;
      const tau = householder(col, i + 1, n, el(e, i));
      if (keep != 0) {
        store<f64>(el(keep, i), tau);
        for (let r = i + 2; r < n; r++) store<f64>(at(a, r, i), load<f64>(el(col, r)));
      }
      const vk = vs + ((<usize>(k * ld)) << 3);
      const wk = ws + ((<usize>(k * ld)) << 3);
      store<f64>(el(vk, i + 1), 1);
      for (let r = i + 2; r < n; r++) store<f64>(el(vk, r), load<f64>(el(col, r)));
      // w = τ (A22 − V Wᵀ − W Vᵀ) v, then w += −½ τ (wᵀv) v
      symvTrailing(a, n, i + 1, vk, wk, col);
      for (let t = 0; t < k; t++) {
        const vt = vs + ((<usize>(t * ld)) << 3);
        const wt = ws + ((<usize>(t * ld)) << 3);
        const sv = dot(vt, vk, i + 1, n);
        const sw = dot(wt, vk, i + 1, n);
        axpy(-sv, wt, wk, i + 1, n);
        axpy(-sw, vt, wk, i + 1, n);
      }
      scal(tau, wk, i + 1, n);
      axpy(-0.5 * tau * dot(wk, vk, i + 1, n), vk, wk, i + 1, n);
    }
    const s = i0 + b;
    if (s < n) {
      packPanels(vs, ld, b, s, n, vp);
      packPanels(ws, ld, b, s, n, wp);
      syr2kTrailing(a, n, s, vp, wp, b);
    }
  }
}
