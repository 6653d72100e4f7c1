// Y = A22·V for the trailing packed triangle and a block of k ≤ kp vectors: the level-3 product of
// the dense-to-band reduction. A22 = L + D + Lᵀ; L·V is swept by row blocks, Lᵀ·V by column
// strips within row tiles, each with a 4×4 register block, so every stored element is read from
// memory about twice per panel (not once per vector, as k matrix-vector products would).
import { at, el } from "./layout";
import { lane } from "./lane";

const ROW_TILE: i32 = 48;

/**
 * Y[r·kp + q] = Σ_c A22[r][c]·V[c][q] for r, c < m (A22 = A(s:s+m, s:s+m), s even), with V given as
 * micro-panels vq[(qb·m + c)·4 + t] = V[c][4·qb + t] (zero past k).
 */
export function symmTrailing(a: usize, s: i32, m: i32, vq: usize, kp: i32, y: usize): void {
  for (let i = 0; i < m * kp; i++) store<f64>(el(y, i), 0);
  const qblocks = kp >> 2;
  const panel = (<usize>(4 * m)) << 3;
  const blocks = (m + 3) >> 2;
  for (let rb = 0; rb < blocks; rb++) {
    const r0 = 4 * rb;
    // rows past m alias row m−1; their sums are discarded
    const p0 = at(a, s + r0, s);
    const p1 = at(a, s + min(r0 + 1, m - 1), s);
    const p2 = at(a, s + min(r0 + 2, m - 1), s);
    const p3 = at(a, s + min(r0 + 3, m - 1), s);
    for (let qb = 0; qb < qblocks; qb++) {
      const vp = vq + <usize>qb * panel;
      // L·V, rectangular part c < r0 (rows)
      let c00 = f64x2.splat(0), c01 = f64x2.splat(0);
      let c10 = f64x2.splat(0), c11 = f64x2.splat(0);
      let c20 = f64x2.splat(0), c21 = f64x2.splat(0);
      let c30 = f64x2.splat(0), c31 = f64x2.splat(0);
      for (let c = 0; c < r0; c++) {
        const o = (<usize>c) << 3;
        const v0 = v128.load(vp + (o << 2));
        const v1 = v128.load(vp + (o << 2), 16);
        let sa = v128.load64_splat(p0 + o);
        c00 = f64x2.add(c00, f64x2.mul(sa, v0));
        c01 = f64x2.add(c01, f64x2.mul(sa, v1));
        sa = v128.load64_splat(p1 + o);
        c10 = f64x2.add(c10, f64x2.mul(sa, v0));
        c11 = f64x2.add(c11, f64x2.mul(sa, v1));
        sa = v128.load64_splat(p2 + o);
        c20 = f64x2.add(c20, f64x2.mul(sa, v0));
        c21 = f64x2.add(c21, f64x2.mul(sa, v1));
        sa = v128.load64_splat(p3 + o);
        c30 = f64x2.add(c30, f64x2.mul(sa, v0));
        c31 = f64x2.add(c31, f64x2.mul(sa, v1));
      }
      addRowBlock(y, kp, m, r0, 4 * qb, c00, c01, c10, c11, c20, c21, c30, c31);
    }
    // the 4×4 diagonal block: both triangles and the diagonal, scalar
    for (let r = r0; r < min(r0 + 4, m); r++) {
      for (let c = r0; c <= r; c++) {
        const v = load<f64>(at(a, s + r, s + c));
        for (let q = 0; q < kp; q++) {
          const vc = load<f64>(el(vq, ((q >> 2) * m + c) * 4 + (q & 3)));
          const vr = load<f64>(el(vq, ((q >> 2) * m + r) * 4 + (q & 3)));
          store<f64>(el(y, r * kp + q), load<f64>(el(y, r * kp + q)) + v * vc);
          if (c < r) store<f64>(el(y, c * kp + q), load<f64>(el(y, c * kp + q)) + v * vr);
        }
      }
    }
  }
  symmTransposedPart(a, s, m, vq, kp, y);
}

/**
 * Y[c][q] += Σ_{r ≥ c0+4} A22[r][c]·V[r][q] for each column block c0..c0+3, in tiles of ROW_TILE rows:
 * a tile's rows (one page each at these strides) stay in the TLB and L1 while every column block
 * and every group of 4 vectors passes over them.
 */
function symmTransposedPart(a: usize, s: i32, m: i32, vq: usize, kp: i32, y: usize): void {
  const qblocks = kp >> 2;
  const panel = (<usize>(4 * m)) << 3;
  for (let t0 = 0; t0 < m; t0 += ROW_TILE) {
    const t1 = min(t0 + ROW_TILE, m);
    for (let c0 = 0; c0 + 4 < t1; c0 += 4) {
      const rlo = max(t0, c0 + 4);
      for (let qb = 0; qb < qblocks; qb++) {
        const vp = vq + <usize>qb * panel;
        let c00 = f64x2.splat(0), c01 = f64x2.splat(0);
        let c10 = f64x2.splat(0), c11 = f64x2.splat(0);
        let c20 = f64x2.splat(0), c21 = f64x2.splat(0);
        let c30 = f64x2.splat(0), c31 = f64x2.splat(0);
        for (let r = rlo; r < t1; r++) {
          const pa = at(a, s + r, s + c0);
          const a0 = v128.load(pa);
          const a1 = v128.load(pa, 16);
          const pv = vp + ((<usize>r) << 5);
          let sv = v128.load64_splat(pv);
          c00 = f64x2.add(c00, f64x2.mul(sv, a0));
          c01 = f64x2.add(c01, f64x2.mul(sv, a1));
          sv = v128.load64_splat(pv, 8);
          c10 = f64x2.add(c10, f64x2.mul(sv, a0));
          c11 = f64x2.add(c11, f64x2.mul(sv, a1));
          sv = v128.load64_splat(pv, 16);
          c20 = f64x2.add(c20, f64x2.mul(sv, a0));
          c21 = f64x2.add(c21, f64x2.mul(sv, a1));
          sv = v128.load64_splat(pv, 24);
          c30 = f64x2.add(c30, f64x2.mul(sv, a0));
          c31 = f64x2.add(c31, f64x2.mul(sv, a1));
        }
        // c_t holds Y[c0..c0+3][4qb + t]: transpose into the rows
        for (let i = 0; i < 4; i++) {
          const py = el(y, (c0 + i) * kp + 4 * qb);
          store<f64>(py, load<f64>(py) + lane(c00, c01, i));
          store<f64>(py, load<f64>(py, 8) + lane(c10, c11, i), 8);
          store<f64>(py, load<f64>(py, 16) + lane(c20, c21, i), 16);
          store<f64>(py, load<f64>(py, 24) + lane(c30, c31, i), 24);
        }
      }
    }
  }
}

function addRowBlock(y: usize, kp: i32, m: i32, r0: i32, q0: i32,
  c00: v128, c01: v128, c10: v128, c11: v128, c20: v128, c21: v128, c30: v128, c31: v128): void {
  addRow(y, kp, m, r0, q0, c00, c01);
  addRow(y, kp, m, r0 + 1, q0, c10, c11);
  addRow(y, kp, m, r0 + 2, q0, c20, c21);
  addRow(y, kp, m, r0 + 3, q0, c30, c31);
}

@inline function addRow(y: usize, kp: i32, m: i32, r: i32, q0: i32, lo: v128, hi: v128): void {
  if (r >= m) return;
  const p = el(y, r * kp + q0);
  v128.store(p, f64x2.add(v128.load(p), lo));
  v128.store(p, f64x2.add(v128.load(p, 16), hi), 16);
}
