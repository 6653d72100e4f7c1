// Gram accumulation in float64 from float32 data: products of two float32 values are exact in
// float64, so the only rounding is in the sums, as in numpy's W64.T @ W64.
//
// Built twice (scripts/build-wasm.mjs): with `--enable relaxed-simd` the inner multiply-add is one
// f64x2.relaxed_madd (an FMA where the hardware has one), otherwise f64x2.mul then f64x2.add. The
// product being exact, FMA's single rounding equals mul-then-add's (the mul rounds nothing), so
// both builds give the same Gram bit for bit, whichever the runtime picks for relaxed_madd.
import { el, rowStart } from "./layout";
import { lane } from "./lane";
import { accumulate4x4, blockHigh, blockLow, clearBlock } from "./micro-kernel";

/** column blocks of 4 kept hot in L2 while every row block passes over them */
const COLUMN_BLOCKS_PER_PASS: i32 = 16;

/** doubles of packing workspace gramAccumulate needs for a k-chunk of kc */
export function gramWorkLength(rows: i32, cols: i32, kc: i32): i32 {
  return kc * 4 * (((rows + 3) >> 2) + ((cols + 3) >> 2));
}

/**
 * G[r0+i][c0+j] += Σ_{t<k} X(t,i)·Y(t,j) for i < rows, j < cols, stored only where c0+j ≤ r0+i < m
 * (G is the aligned packed lower triangle of order m at `g`). X(t,i) is the float32 at
 * x + 4(t·xrs + i·xcs), Y likewise, so row blocks (BᵀB: xrs = m, xcs = 1) and transposed panels
 * (P_a P_bᵀ: xrs = 1, xcs = K) use the same kernel. When X and Y are the same block it is packed once.
 */
export function gramAccumulate(
  m: i32, g: usize,
  x: usize, xrs: i32, xcs: i32,
  y: usize, yrs: i32, ycs: i32,
  k: i32, r0: i32, rows: i32, c0: i32, cols: i32,
  pack: usize, kc: i32,
): void {
  const same = x == y && xrs == yrs && xcs == ycs && r0 == c0 && rows == cols;
  const rblocks = (rows + 3) >> 2;
  const cblocks = (cols + 3) >> 2;
  const xp = pack;
  const yp = same ? pack : pack + ((<usize>(kc * 4 * rblocks)) << 3);
  for (let t0 = 0; t0 < k; t0 += kc) {
    const kk = min(kc, k - t0);
    packF32(x, xrs, xcs, t0, kk, rows, xp);
    if (!same) packF32(y, yrs, ycs, t0, kk, cols, yp);
    const panel = (<usize>(kk * 4)) << 3;
    for (let cbs = 0; cbs < cblocks; cbs += COLUMN_BLOCKS_PER_PASS) {
      const cbe = min(cbs + COLUMN_BLOCKS_PER_PASS, cblocks);
      for (let rb = 0; rb < rblocks; rb++) {
        const gr0 = r0 + 4 * rb;
        for (let cb = cbs; cb < cbe; cb++) {
          const gc0 = c0 + 4 * cb;
          if (gc0 > gr0 + 3) break;
          kernel4x4(m, g, xp + <usize>rb * panel, yp + <usize>cb * panel, kk, gr0, gc0,
            min(4, rows - 4 * rb), min(4, cols - 4 * cb));
        }
      }
    }
  }
}

/** One 4×4 block of G from two micro-panels: Σ_t xp[t][q] · yp[t][0..3], products exact (so fused in the relaxed build). */
@inline function kernel4x4(m: i32, g: usize, xr: usize, yc: usize, kk: i32, gr0: i32, gc0: i32, nr: i32, nc: i32): void {
  clearBlock();
  accumulate4x4(xr, yc, kk, true);
  if (nr == 4 && nc == 4 && gc0 + 3 <= gr0 && gr0 + 3 < m) {
    for (let i = 0; i < 4; i++) addRow(g, gr0 + i, gc0, blockLow(i), blockHigh(i));
  } else {
    for (let i = 0; i < 4; i++) addMasked(m, g, gr0, gc0, nr, nc, i, blockLow(i), blockHigh(i));
  }
}

@inline function addRow(g: usize, r: i32, c: i32, lo: v128, hi: v128): void {
  const p = g + ((<usize>(rowStart(r) + c)) << 3);
  v128.store(p, f64x2.add(v128.load(p), lo));
  v128.store(p, f64x2.add(v128.load(p, 16), hi), 16);
}

/** row q of a ragged or diagonal block: only entries inside the block with c ≤ r < m */
function addMasked(m: i32, g: usize, gr0: i32, gc0: i32, nr: i32, nc: i32, q: i32, lo: v128, hi: v128): void {
  const r = gr0 + q;
  if (q >= nr || r >= m) return;
  for (let j = 0; j < nc; j++) {
    const c = gc0 + j;
    if (c > r) return;
    const p = g + ((<usize>(rowStart(r) + c)) << 3);
    store<f64>(p, load<f64>(p) + lane(lo, hi, j));
  }
}

/**
 * Micro-panels of 4 columns, float32 widened to float64: dst[(blk·kk + t)·4 + q] = S(t0+t, 4·blk+q),
 * zero past `cnt` columns.
 */
function packF32(src: usize, rs: i32, cs: i32, t0: i32, kk: i32, cnt: i32, dst: usize): void {
  const blocks = (cnt + 3) >> 2;
  for (let blk = 0; blk < blocks; blk++) {
    const out = el(dst, blk * kk * 4);
    const c = 4 * blk;
    if (cs == 1 && c + 4 <= cnt) {
      for (let t = 0; t < kk; t++) {
        const v = v128.load(src + ((<usize>(t0 + t) * <usize>rs + <usize>c) << 2));
        const o = out + ((<usize>t) << 5);
        v128.store(o, f64x2.promote_low_f32x4(v));
        v128.store(o, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1)), 16);
      }
    } else {
      for (let q = 0; q < 4; q++) {
        const cq = c + q;
        for (let t = 0; t < kk; t++) {
          const o = out + ((<usize>(t * 4 + q)) << 3);
          store<f64>(o, cq < cnt ? <f64>load<f32>(src + ((<usize>(t0 + t) * <usize>rs + <usize>cq * <usize>cs) << 2)) : 0);
        }
      }
    }
  }
}
