// Aligned packed lower triangle: row r holds A[r][0..r], padded to an even length so that every
// row starts on a 16-byte boundary (v128 loads of (r, c) with even c are aligned). It needs about
// half the memory of a full n×n matrix, which is what lets a 4096 Gram fit a 128 MB Worker.

/** First element (in doubles) of row r: Σ_{q<r} 2⌈(q+1)/2⌉ */
@inline export function rowStart(r: i32): i32 {
  const p = r >> 1;
  return 2 * p * (p + 1) + ((r & 1) != 0 ? 2 * p + 2 : 0);
}

/** Address of element (r, c), c ≤ r, of the packed triangle at `a`. */
@inline export function at(a: usize, r: i32, c: i32): usize {
  return a + ((<usize>(rowStart(r) + c)) << 3);
}

/** Address of element i of a float64 vector at `x`. */
@inline export function el(x: usize, i: i32): usize {
  return x + ((<usize>i) << 3);
}

/** Number of doubles an n×n packed triangle takes. */
export function packedLength(n: i32): i32 {
  return rowStart(n);
}

/** n rounded up to even, so that consecutive vectors of that stride stay 16-byte aligned. */
@inline export function even(n: i32): i32 {
  return (n + 1) & ~1;
}
