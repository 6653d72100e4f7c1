/**
 * Orders strings by Unicode code point, which is the byte order of their UTF-8 encodings: how
 * Rust (the safetensors reader) and Python sort names. JS's default sort compares UTF-16 code
 * units and disagrees beyond the Basic Multilingual Plane.
 */
export function compareNames(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
