// The level-3 half of the tridiagonal reduction: A22 −= V Wᵀ + W Vᵀ on the packed lower triangle.
import { at, el, rowStart } from "./layout";
import { lane } from "./lane";

/** column blocks whose micro-panels stay in L1/L2 while every row block passes over them */
const COLUMN_BLOCKS_PER_PASS: i32 = 16;

/**
 * Copies vectors t = 0..b−1 (stride `ld` doubles apart, indexed globally) rows [s, n) into micro-panels
 * of 4 rows: p[(blk·b + t)·4 + q] = X_t[s + 4·blk + q], zero past n.
 */
export function packPanels(x: usize, ld: i32, b: i32, s: i32, n: i32, p: usize): void {
  const blocks = (n - s + 3) >> 2;
  for (let blk = 0; blk < blocks; blk++) {
    for (let t = 0; t < b; t++) {
      const dst = el(p, (blk * b + t) * 4);
      const src = x + ((<usize>(t * ld)) << 3);
      for (let q = 0; q < 4; q++) {
        const r = s + 4 * blk + q;
        store<f64>(dst + ((<usize>q) << 3), r < n ? load<f64>(el(src, r)) : 0);
      }
    }
  }
}

/**
 * A(s:n, s:n) −= V Wᵀ + W Vᵀ (lower triangle only), V and W given as micro-panels (packPanels) of
 * b columns. Register-blocked 4×4, eight f64x2 accumulators.
 */
export function syr2kTrailing(a: usize, n: i32, s: i32, vp: usize, wp: usize, b: i32): void {
  const blocks = (n - s + 3) >> 2;
  const panel = (<usize>(b * 4)) << 3;
  for (let cbs = 0; cbs < blocks; cbs += COLUMN_BLOCKS_PER_PASS) {
  const cbe = min(cbs + COLUMN_BLOCKS_PER_PASS, blocks);
  for (let rb = cbs; rb < blocks; rb++) {
    const vr = vp + <usize>rb * panel;
    const wr = wp + <usize>rb * panel;
    for (let cb = cbs; cb < cbe && cb <= rb; cb++) {
      const vc = vp + <usize>cb * panel;
      const wc = wp + <usize>cb * panel;
      let c00 = f64x2.splat(0), c01 = f64x2.splat(0);
      let c10 = f64x2.splat(0), c11 = f64x2.splat(0);
      let c20 = f64x2.splat(0), c21 = f64x2.splat(0);
      let c30 = f64x2.splat(0), c31 = f64x2.splat(0);
      // V_r W_cᵀ, then W_r V_cᵀ: two passes of one splat and two loads per step keep the eight
      // accumulators in registers (one fused pass needs more than the 16 the hardware has)
      for (let t = 0; t < b; t++) {
        const o = (<usize>t) << 5;
        const w0 = v128.load(wc + o);
        const w1 = v128.load(wc + o, 16);
        let sv = v128.load64_splat(vr + o);
        c00 = f64x2.add(c00, f64x2.mul(sv, w0));
        c01 = f64x2.add(c01, f64x2.mul(sv, w1));
        sv = v128.load64_splat(vr + o, 8);
        c10 = f64x2.add(c10, f64x2.mul(sv, w0));
        c11 = f64x2.add(c11, f64x2.mul(sv, w1));
        sv = v128.load64_splat(vr + o, 16);
        c20 = f64x2.add(c20, f64x2.mul(sv, w0));
        c21 = f64x2.add(c21, f64x2.mul(sv, w1));
        sv = v128.load64_splat(vr + o, 24);
        c30 = f64x2.add(c30, f64x2.mul(sv, w0));
        c31 = f64x2.add(c31, f64x2.mul(sv, w1));
      }
      for (let t = 0; t < b; t++) {
        const o = (<usize>t) << 5;
        const v0 = v128.load(vc + o);
        const v1 = v128.load(vc + o, 16);
        let sw = v128.load64_splat(wr + o);
        c00 = f64x2.add(c00, f64x2.mul(sw, v0));
        c01 = f64x2.add(c01, f64x2.mul(sw, v1));
        sw = v128.load64_splat(wr + o, 8);
        c10 = f64x2.add(c10, f64x2.mul(sw, v0));
        c11 = f64x2.add(c11, f64x2.mul(sw, v1));
        sw = v128.load64_splat(wr + o, 16);
        c20 = f64x2.add(c20, f64x2.mul(sw, v0));
        c21 = f64x2.add(c21, f64x2.mul(sw, v1));
        sw = v128.load64_splat(wr + o, 24);
        c30 = f64x2.add(c30, f64x2.mul(sw, v0));
        c31 = f64x2.add(c31, f64x2.mul(sw, v1));
      }
      const r0 = s + 4 * rb;
      const col0 = s + 4 * cb;
      if (cb < rb && r0 + 4 <= n && (col0 & 1) == 0) {
        subtractRow(a, r0, col0, c00, c01);
        subtractRow(a, r0 + 1, col0, c10, c11);
        subtractRow(a, r0 + 2, col0, c20, c21);
        subtractRow(a, r0 + 3, col0, c30, c31);
      } else {
        subtractEdge(a, n, r0, col0, 0, c00, c01);
        subtractEdge(a, n, r0, col0, 1, c10, c11);
        subtractEdge(a, n, r0, col0, 2, c20, c21);
        subtractEdge(a, n, r0, col0, 3, c30, c31);
      }
    }
  }
  }
}

@inline function subtractRow(a: usize, r: i32, c: i32, lo: v128, hi: v128): void {
  const p = a + ((<usize>(rowStart(r) + c)) << 3);
  v128.store(p, f64x2.sub(v128.load(p), lo));
  v128.store(p, f64x2.sub(v128.load(p, 16), hi), 16);
}

/** the masked store of a diagonal or ragged block: only (r, c) with c ≤ r < n */
function subtractEdge(a: usize, n: i32, r0: i32, c0: i32, q: i32, lo: v128, hi: v128): void {
  const r = r0 + q;
  if (r >= n) return;
  for (let j = 0; j < 4; j++) {
    const c = c0 + j;
    if (c > r) break;
    const p = at(a, r, c);
    store<f64>(p, load<f64>(p) - lane(lo, hi, j));
  }
}
