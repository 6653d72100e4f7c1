// Y = A22·V for the trailing packed triangle and a block of k ≤ kp vectors: the level-3 product of
// the dense-to-band reduction, as a blocked matrix product over square tiles of the lower triangle.
// Each tile A_IJ (J < I) is read once, along its rows, into two sets of micro-panels: its rows of 4
// (for Y_I += A_IJ V_J) and its columns of 4 (for Y_J += A_IJᵀ V_I). Every 4×4 register block then
// reads both operands contiguously from L1/L2, as the Gram kernel does; reading the triangle across
// its rows (a page per row at these sizes) would cost more than the product.
import { at, el } from "./layout";
import { accumulate4x4, blockHigh, blockLow, clearBlock } from "./micro-kernel";

/** order of a tile: two packed 128 × 128 tiles (256 KiB) and their two 128-row slices of V (64 KiB) stay in L2 */
const TILE: i32 = 128;

/** doubles of workspace symmTrailing needs (a tile packed both ways) */
export function symmTrailingWorkLength(): i32 {
  return 2 * TILE * TILE;
}

/**
 * Y[r·kp + q] = Σ_c A22[r][c]·V[c][q] for r, c < m (A22 = A(s:s+m, s:s+m), s even), with V given as
 * micro-panels vq[(qb·m + c)·4 + t] = V[c][4·qb + t] (zero past k); `work` holds
 * symmTrailingWorkLength() doubles. Products are rounded then added (no fused multiply-add, in
 * either build), so both builds reduce alike.
 */
export function symmTrailing(a: usize, s: i32, m: i32, vq: usize, kp: i32, y: usize, work: usize): void {
  for (let i = 0; i < m * kp; i++) store<f64>(el(y, i), 0);
  const rowPanels = work;
  const columnPanels = work + ((<usize>(TILE * TILE)) << 3);
  for (let i0 = 0; i0 < m; i0 += TILE) {
    const rows = min(TILE, m - i0);
    for (let j0 = 0; j0 < i0; j0 += TILE) {
      packTileRows(a, s, i0, rows, j0, rowPanels, columnPanels);
      multiplyPanels(rowPanels, (rows + 3) >> 2, vq, m, j0, TILE, y, kp, i0);
      multiplyPanels(columnPanels, TILE >> 2, vq, m, i0, rows, y, kp, j0);
    }
    packDiagonalTile(a, s, i0, rows, rowPanels);
    multiplyPanels(rowPanels, (rows + 3) >> 2, vq, m, i0, rows, y, kp, i0);
  }
}

/**
 * Y[y0 + 4·blk + q][·] += Σ_t P[blk][t][q]·V[v0 + t][·] for blk < blocks, t < kk: P holds `blocks`
 * micro-panels of kk steps, V the vectors' micro-panels (rows past m are dropped).
 */
function multiplyPanels(p: usize, blocks: i32, vq: usize, m: i32, v0: i32, kk: i32, y: usize, kp: i32, y0: i32): void {
  const qblocks = kp >> 2;
  const vpanel = (<usize>(4 * m)) << 3;
  const ppanel = (<usize>(4 * kk)) << 3;
  for (let blk = 0; blk < blocks; blk++) {
    for (let qb = 0; qb < qblocks; qb++) {
      product4x4(p + <usize>blk * ppanel, vq + <usize>qb * vpanel + ((<usize>v0) << 5), kk, y, kp, m, y0 + 4 * blk, 4 * qb);
    }
  }
}

/**
 * The tile A22[i0 .. i0+rows)[j0 .. j0+TILE) (below the diagonal: j0 + TILE ≤ i0), read row by row:
 * rowPanels[(rb·TILE + t)·4 + q] = A22[i0 + 4·rb + q][j0 + t] (zero for rows past the tile) and
 * columnPanels[(cb·rows + t)·4 + q] = A22[i0 + t][j0 + 4·cb + q].
 */
function packTileRows(a: usize, s: i32, i0: i32, rows: i32, j0: i32, rowPanels: usize, columnPanels: usize): void {
  const rblocks = (rows + 3) >> 2;
  for (let rb = 0; rb < rblocks; rb++) {
    const out = rowPanels + ((<usize>(rb * TILE * 4)) << 3);
    const r = i0 + 4 * rb;
    if (r + 3 < i0 + rows) {
      const p0 = at(a, s + r, s + j0);
      const p1 = at(a, s + r + 1, s + j0);
      const p2 = at(a, s + r + 2, s + j0);
      const p3 = at(a, s + r + 3, s + j0);
      for (let t = 0; t < TILE; t += 2) {
        const o = (<usize>t) << 3;
        const x0 = v128.load(p0 + o);
        const x1 = v128.load(p1 + o);
        const x2 = v128.load(p2 + o);
        const x3 = v128.load(p3 + o);
        const d = out + ((<usize>t) << 5);
        v128.store(d, v128.shuffle<f64>(x0, x1, 0, 2));
        v128.store(d, v128.shuffle<f64>(x2, x3, 0, 2), 16);
        v128.store(d, v128.shuffle<f64>(x0, x1, 1, 3), 32);
        v128.store(d, v128.shuffle<f64>(x2, x3, 1, 3), 48);
      }
    } else {
      for (let q = 0; q < 4; q++) {
        const inside = r + q < i0 + rows;
        const src = inside ? at(a, s + r + q, s + j0) : 0;
        for (let t = 0; t < TILE; t++) store<f64>(out + ((<usize>(t * 4 + q)) << 3), inside ? load<f64>(src + ((<usize>t) << 3)) : 0);
      }
    }
  }
  for (let t = 0; t < rows; t++) {
    const src = at(a, s + i0 + t, s + j0);
    for (let cb = 0; cb < (TILE >> 2); cb++) {
      const d = columnPanels + ((<usize>((cb * rows + t) * 4)) << 3);
      const o = (<usize>(4 * cb)) << 3;
      v128.store(d, v128.load(src + o));
      v128.store(d, v128.load(src + o, 16), 16);
    }
  }
}

/** rowPanels[(rb·rows + t)·4 + q] = A22[i0 + 4·rb + q][i0 + t], both triangles of the diagonal tile (zero past it) */
function packDiagonalTile(a: usize, s: i32, i0: i32, rows: i32, rowPanels: usize): void {
  const rblocks = (rows + 3) >> 2;
  for (let rb = 0; rb < rblocks; rb++) {
    for (let q = 0; q < 4; q++) {
      const i = 4 * rb + q;
      for (let t = 0; t < rows; t++) {
        const value = i >= rows ? 0 : t <= i ? load<f64>(at(a, s + i0 + i, s + i0 + t)) : load<f64>(at(a, s + i0 + t, s + i0 + i));
        store<f64>(el(rowPanels, (rb * rows + t) * 4 + q), value);
      }
    }
  }
}

/** Y[r0..r0+3][q0..q0+3] += Σ_t ap[t][0..3]ᵀ · vp[t][0..3] over kk steps (rows past m dropped) */
@inline function product4x4(ap: usize, vp: usize, kk: i32, y: usize, kp: i32, m: i32, r0: i32, q0: i32): void {
  clearBlock();
  accumulate4x4(ap, vp, kk, false);
  for (let i = 0; i < 4; i++) addRow(y, kp, m, r0 + i, q0, blockLow(i), blockHigh(i));
}

@inline function addRow(y: usize, kp: i32, m: i32, r: i32, q0: i32, lo: v128, hi: v128): void {
  if (r >= m) return;
  const p = el(y, r * kp + q0);
  v128.store(p, f64x2.add(v128.load(p), lo));
  v128.store(p, f64x2.add(v128.load(p, 16), hi), 16);
}
