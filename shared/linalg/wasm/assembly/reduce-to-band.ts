// First stage of the two-stage tridiagonal reduction: Qᵀ A Q = B with bandwidth b, by panel QR
// factorizations and two-sided block-reflector updates of the trailing matrix. Everything past the
// panel is level 3 (symm + syr2k), so the large trailing matrix is read a few times per panel
// instead of once per column: what makes the one-stage reduction memory-bound at n in the thousands.
import { at, el, even } from "./layout";
import { axpy, dot } from "./vector";
import { householder } from "./householder";
import { symmTrailing, symmTrailingWorkLength } from "./symm-trailing";
import { syr2kTrailing } from "./syr2k-trailing";

/** doubles of workspace reduceToBand needs */
export function reduceToBandWorkLength(n: i32, b: i32): i32 {
  const kp = (b + 3) & ~3;
  const ln = even(n);
  const panels = 4 * ((n + 3) >> 2);
  return b * ln + 2 * kp * ln + 2 * b * panels + 3 * b * b + 2 * even(b) + symmTrailingWorkLength();
}

/**
 * Reduces the packed matrix at `a` (order n, overwritten) to the band B = Qᵀ A Q: afterwards
 * A(r, c) for r − c ≤ b holds B (the band is read, never written, by the second stage). With
 * `keep` ≠ 0 the reflectors are kept for eigenvectors: Q = Π over columns c ascending of
 * H_c = I − τ_c v vᵀ, v[c+b] = 1 and v[r] = A(r, c) for r > c + b (below the band, which the
 * reduction no longer reads), τ_c in keep[c] (0 where a column has no reflector).
 */
export function reduceToBand(n: i32, a: usize, b: i32, work: usize, keep: usize): void {
  const kp = (b + 3) & ~3;
  const ln = even(n);
  const panels = 4 * ((n + 3) >> 2);
  const vc = work; // b column vectors of the panel, then the reflectors (stride ln)
  const vq = vc + ((<usize>(b * ln)) << 3); // V as micro-panels of 4 vectors
  const y = vq + ((<usize>(kp * ln)) << 3); // Y = A22 V, then X = Y T, then W (row-major, m × kp)
  const vp = y + ((<usize>(kp * ln)) << 3); // V and W as syr2k micro-panels
  const wp = vp + ((<usize>(b * panels)) << 3);
  const t = wp + ((<usize>(b * panels)) << 3); // T (b × b, upper), M = VᵀX, Z = TᵀM
  const mm = t + ((<usize>(b * b)) << 3);
  const z = mm + ((<usize>(b * b)) << 3);
  const tau = z + ((<usize>(b * b)) << 3);
  const beta = tau + ((<usize>even(b)) << 3);
  const tile = beta + ((<usize>even(b)) << 3); // symmTrailing's packed tile
  for (let j = 0; j + b < n; j += b) {
    const s = j + b;
    const m = n - s;
    const k = min(b, m);
    // the panel A(s:n, j:j+b) as column vectors, local row index 0..m
    for (let r = 0; r < m; r++) {
      for (let q = 0; q < b; q++) store<f64>(el(vc, q * ln + r), load<f64>(at(a, s + r, j + q)));
    }
    // Householder QR of the panel; R (upper) goes back into the band, A(s+q, j+q2) for q ≤ q2
    for (let q = 0; q < k; q++) {
      const v = vc + ((<usize>(q * ln)) << 3);
      const tq = householder(v, q, m, el(beta, q));
      store<f64>(el(tau, q), tq);
      store<f64>(el(v, q), 1);
      for (let q2 = q + 1; q2 < b; q2++) {
        const x = vc + ((<usize>(q2 * ln)) << 3);
        axpy(-tq * dot(v, x, q, m), v, x, q, m);
        store<f64>(at(a, s + q, j + q2), load<f64>(el(x, q)));
      }
      store<f64>(at(a, s + q, j + q), load<f64>(el(beta, q)));
      if (keep != 0) {
        store<f64>(el(keep, j + q), tq);
        for (let r = q + 1; r < m; r++) store<f64>(at(a, s + r, j + q), load<f64>(el(v, r)));
      }
      for (let r = 0; r < q; r++) store<f64>(el(v, r), 0);
    }
    // T of Q = H_0 ⋯ H_{k−1} = I − V T Vᵀ: T[i][q] = −τ_q Σ_l T[i][l] (v_lᵀ v_q)
    for (let q = 0; q < k; q++) {
      const vq0 = vc + ((<usize>(q * ln)) << 3);
      for (let i = 0; i < q; i++) store<f64>(el(z, i), dot(vc + ((<usize>(i * ln)) << 3), vq0, q, m));
      for (let i = 0; i < q; i++) {
        let sum: f64 = 0;
        for (let l = i; l < q; l++) sum += load<f64>(el(t, i * b + l)) * load<f64>(el(z, l));
        store<f64>(el(t, i * b + q), -load<f64>(el(tau, q)) * sum);
      }
      store<f64>(el(t, q * b + q), load<f64>(el(tau, q)));
    }
    // V as micro-panels (columns ≥ k are zero)
    for (let qb = 0; qb < (kp >> 2); qb++) {
      for (let r = 0; r < m; r++) {
        for (let i = 0; i < 4; i++) {
          const q = 4 * qb + i;
          store<f64>(el(vq, (qb * m + r) * 4 + i), q < k ? load<f64>(el(vc, q * ln + r)) : 0);
        }
      }
    }
    symmTrailing(a, s, m, vq, kp, y, tile);
    // X = Y T, row by row in place (T upper: X[q] uses Y[0..q])
    for (let r = 0; r < m; r++) {
      const row = el(y, r * kp);
      for (let q = k - 1; q >= 0; q--) {
        let sum: f64 = 0;
        for (let i = 0; i <= q; i++) sum += load<f64>(el(row, i)) * load<f64>(el(t, i * b + q));
        store<f64>(el(row, q), sum);
      }
    }
    // M = Vᵀ X (k × k), Z = Tᵀ M
    for (let i = 0; i < k * b; i++) store<f64>(el(mm, i), 0);
    for (let r = 0; r < m; r++) {
      const row = el(y, r * kp);
      for (let i = 0; i < k; i++) axpy(load<f64>(el(vc, i * ln + r)), row, mm + ((<usize>(i * b)) << 3), 0, k);
    }
    for (let i = 0; i < k; i++) {
      for (let q = 0; q < k; q++) {
        let sum: f64 = 0;
        for (let l = 0; l <= i; l++) sum += load<f64>(el(t, l * b + i)) * load<f64>(el(mm, l * b + q));
        store<f64>(el(z, i * b + q), sum);
      }
    }
    // W = X − ½ V Z, in place
    for (let r = 0; r < m; r++) {
      const row = el(y, r * kp);
      for (let i = 0; i < k; i++) axpy(-0.5 * load<f64>(el(vc, i * ln + r)), z + ((<usize>(i * b)) << 3), row, 0, k);
    }
    // A22 −= V Wᵀ + W Vᵀ
    const blocks = (m + 3) >> 2;
    for (let blk = 0; blk < blocks; blk++) {
      for (let q = 0; q < k; q++) {
        for (let i = 0; i < 4; i++) {
          const r = 4 * blk + i;
          store<f64>(el(vp, (blk * k + q) * 4 + i), r < m ? load<f64>(el(vc, q * ln + r)) : 0);
          store<f64>(el(wp, (blk * k + q) * 4 + i), r < m ? load<f64>(el(y, r * kp + q)) : 0);
        }
      }
    }
    syr2kTrailing(a, n, s, vp, wp, k);
  }
}
