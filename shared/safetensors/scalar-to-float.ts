// How one stored number becomes a float: binary16, the two float8 formats and 64-bit integers, each
// exactly as torch's `.float()` gives it. decode-values.ts runs them over whole byte ranges.

/** IEEE 754 binary16 bits → its exact value: (−1)^s · 2^(e−15) · (1 + m/1024), subnormal 2^−14 · m/1024, e = 31 Inf/NaN. */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Infinity : NaN;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/**
 * float8_e4m3fn byte → its value: (−1)^s · 2^(e−7) · (1 + m/8), subnormal 2^−6 · m/8. The "fn" variant
 * has no infinities; only S.1111.111 (0x7f, 0xff) is NaN, so e = 15 still holds numbers up to 448.
 */
export function float8E4m3fnToFloat(byte: number): number {
  const sign = byte & 0x80 ? -1 : 1;
  const exponent = (byte >> 3) & 0xf;
  const mantissa = byte & 0x7;
  if (exponent === 0xf && mantissa === 0x7) return NaN;
  if (exponent === 0) return sign * mantissa * 2 ** -9;
  return sign * (1 + mantissa / 8) * 2 ** (exponent - 7);
}

/** float8_e5m2 byte (IEEE-like, the top half of a binary16) → (−1)^s · 2^(e−15) · (1 + m/4), subnormal 2^−14 · m/4, e = 31 Inf/NaN. */
export function float8E5m2ToFloat(byte: number): number {
  const sign = byte & 0x80 ? -1 : 1;
  const exponent = (byte >> 2) & 0x1f;
  const mantissa = byte & 0x3;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Infinity : NaN;
  if (exponent === 0) return sign * mantissa * 2 ** -16;
  return sign * (1 + mantissa / 4) * 2 ** (exponent - 15);
}

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

// Every binary16 and float8 value is exactly a float32, so whole-code tables decode them bit-exactly.
/** Every binary16 code's exact value as a float32: index by the 16 bits. */
export const F16_VALUES = Float32Array.from({ length: 1 << 16 }, (_, bits) => halfToFloat(bits));
/** Every float8_e4m3fn code's value as a float32. */
export const E4M3_VALUES = Float32Array.from({ length: 256 }, (_, byte) => float8E4m3fnToFloat(byte));
/** Every float8_e5m2 code's value as a float32. */
export const E5M2_VALUES = Float32Array.from({ length: 256 }, (_, byte) => float8E5m2ToFloat(byte));
