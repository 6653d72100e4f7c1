const TWO_32 = 2 ** 32;

/**
 * The float32 nearest (ties to even) to the 64-bit integer hi·2³² + lo, as a C++ cast from
 * int64/uint64 to float gives. `hi` is the signed (int64) or unsigned (uint64) upper word, `lo`
 * the unsigned lower word. Going through float64 first would round twice above 2⁵³.
 */
export function wideIntegerToFloat32(hi: number, lo: number): number {
  if (hi >= -(2 ** 21) && hi < 2 ** 21) return Math.fround(hi * TWO_32 + lo);
  const value = BigInt(hi) * 4294967296n + BigInt(lo);
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const shift = magnitude.toString(2).length - 24;
  let mantissa = magnitude >> BigInt(shift);
  const remainder = magnitude - (mantissa << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  if (remainder > half || (remainder === half && (mantissa & 1n) === 1n)) mantissa += 1n;
  const rounded = Number(mantissa) * 2 ** shift;
  return negative ? -rounded : rounded;
}
