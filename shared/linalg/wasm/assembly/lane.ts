/** element j (0..3) of the 4-vector held as two f64x2 halves (lo, hi) */
@inline export function lane(lo: v128, hi: v128, j: i32): f64 {
  if (j == 0) return f64x2.extract_lane(lo, 0);
  if (j == 1) return f64x2.extract_lane(lo, 1);
  if (j == 2) return f64x2.extract_lane(hi, 0);
  return f64x2.extract_lane(hi, 1);
}
