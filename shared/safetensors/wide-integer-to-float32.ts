const TWO_32 = 2 ** 32;
const LOW_29_BITS = 0x1fffffff;

/**
 * The float32 nearest (ties to even) to the 64-bit integer hi·2³² + lo, as a C++ cast from
 * int64/uint64 to float gives. `hi` is the signed (int64) or unsigned (uint64) upper word, `lo`
 * the unsigned lower word. Going through float64 first would round twice above 2⁵³.
 */
export function wideIntegerToFloat32(hi: number, lo: number): number {
  if (hi >= -(2 ** 21) && hi < 2 ** 21) return Math.fround(hi * TWO_32 + lo);
  const negative = hi < 0;
  // magnitude of a negative int64, two's complement, as unsigned words
  const magnitudeLo = negative ? (~lo + 1) >>> 0 : lo;
  const magnitudeHi = negative ? (~hi + (lo === 0 ? 1 : 0)) >>> 0 : hi;
  // Above 2⁵³ float32 rounds at bit 29 or higher, so bits 0–28 only matter as "anything left":
  // folding them into one sticky bit (bit 28) makes the float64 exact, and fround rounds once.
  const sticky = (magnitudeLo & LOW_29_BITS) === 0 ? 0 : 2 ** 28;
  const exact = magnitudeHi * TWO_32 + ((magnitudeLo & ~LOW_29_BITS) >>> 0) + sticky;
  const rounded = Math.fround(exact);
  return negative ? -rounded : rounded;
}
