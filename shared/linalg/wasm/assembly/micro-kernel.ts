// The register block every level-3 kernel is built on (the Gram, symm and syr2k): a 4×4 block of
// sums in eight f64x2 accumulators, fed per step by two loads from one micro-panel and four splats
// from the other, all of which fits the 16 vector registers of x86-64 and streams from L1/L2.

/** the block's sums between a kernel call and its caller's store: row i at BLOCK + 32·i (4 doubles) */
export const BLOCK: usize = memory.data(128, 16);

/** BLOCK = 0 */
@inline export function clearBlock(): void {
  const zero = f64x2.splat(0);
  for (let i = 0; i < 8; i++) v128.store(BLOCK + ((<usize>i) << 4), zero);
}

/** row i (0..3) of BLOCK: its low and high halves */
@inline export function blockLow(i: i32): v128 {
  return v128.load(BLOCK + ((<usize>i) << 5));
}
@inline export function blockHigh(i: i32): v128 {
  return v128.load(BLOCK + ((<usize>i) << 5), 16);
}

/**
 * BLOCK[i][j] += Σ_{t<kk} x[t][i]·y[t][j]: x and y are micro-panels of 4 values a step (32 bytes).
 * `fused` (a constant at every call) makes each step one relaxed multiply-add in the relaxed-simd
 * build: only for products that are exact (float32 values widened), where one rounding and two
 * give the same bits. Otherwise every product is rounded, then added.
 */
@inline export function accumulate4x4(x: usize, y: usize, kk: i32, fused: bool): void {
  let c00 = v128.load(BLOCK), c01 = v128.load(BLOCK, 16);
  let c10 = v128.load(BLOCK, 32), c11 = v128.load(BLOCK, 48);
  let c20 = v128.load(BLOCK, 64), c21 = v128.load(BLOCK, 80);
  let c30 = v128.load(BLOCK, 96), c31 = v128.load(BLOCK, 112);
  for (let t = 0; t < kk; t++) {
    const o = (<usize>t) << 5;
    const y0 = v128.load(y + o);
    const y1 = v128.load(y + o, 16);
    let s = v128.load64_splat(x + o);
    c00 = madd(s, y0, c00, fused);
    c01 = madd(s, y1, c01, fused);
    s = v128.load64_splat(x + o, 8);
    c10 = madd(s, y0, c10, fused);
    c11 = madd(s, y1, c11, fused);
    s = v128.load64_splat(x + o, 16);
    c20 = madd(s, y0, c20, fused);
    c21 = madd(s, y1, c21, fused);
    s = v128.load64_splat(x + o, 24);
    c30 = madd(s, y0, c30, fused);
    c31 = madd(s, y1, c31, fused);
  }
  v128.store(BLOCK, c00);
  v128.store(BLOCK, c01, 16);
  v128.store(BLOCK, c10, 32);
  v128.store(BLOCK, c11, 48);
  v128.store(BLOCK, c20, 64);
  v128.store(BLOCK, c21, 80);
  v128.store(BLOCK, c30, 96);
  v128.store(BLOCK, c31, 112);
}

/** c + a·b lane-wise; fused (relaxed, possibly one rounding) only when asked and built for it */
@inline function madd(a: v128, b: v128, c: v128, fused: bool): v128 {
  if (ASC_FEATURE_RELAXED_SIMD && fused) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(c, f64x2.mul(a, b));
}
