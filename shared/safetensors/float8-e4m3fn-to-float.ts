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
