// The level-3 half of the tridiagonal reduction: A22 −= V Wᵀ + W Vᵀ on the packed lower triangle.
import { at, el, rowStart } from "./layout";
import { lane } from "./lane";
import { accumulate4x4, blockHigh, blockLow, clearBlock } from "./micro-kernel";

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
 * b columns, in 4×4 register blocks (micro-kernel.ts).
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
      // V_r W_cᵀ, then W_r V_cᵀ: two passes (one fused pass needs more registers than there are)
      clearBlock();
      accumulate4x4(vr, wc, b, false);
      accumulate4x4(wr, vc, b, false);
      const r0 = s + 4 * rb;
      const col0 = s + 4 * cb;
      if (cb < rb && r0 + 4 <= n && (col0 & 1) == 0) {
        for (let i = 0; i < 4; i++) subtractRow(a, r0 + i, col0, blockLow(i), blockHigh(i));
      } else {
        for (let i = 0; i < 4; i++) subtractEdge(a, n, r0, col0, i, blockLow(i), blockHigh(i));
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
