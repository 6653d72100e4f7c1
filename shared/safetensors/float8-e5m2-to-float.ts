/** float8_e5m2 byte (IEEE-like, the top half of a binary16) → (−1)^s · 2^(e−15) · (1 + m/4), subnormal 2^−14 · m/4, e = 31 Inf/NaN. */
export function float8E5m2ToFloat(byte: number): number {
  const sign = byte & 0x80 ? -1 : 1;
  const exponent = (byte >> 2) & 0x1f;
  const mantissa = byte & 0x3;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Infinity : NaN;
  if (exponent === 0) return sign * mantissa * 2 ** -16;
  return sign * (1 + mantissa / 4) * 2 ** (exponent - 15);
}
