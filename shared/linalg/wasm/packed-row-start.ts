/**
 * First element (in doubles) of row r of the aligned packed lower triangle the kernels use: row q
 * holds q+1 values padded to an even count, so rowStart(r) = Σ_{q<r} 2⌈(q+1)/2⌉ (mirrors assembly/layout.ts).
 */
export function packedRowStart(r: number): number {
  const p = r >> 1;
  return 2 * p * (p + 1) + (r & 1 ? 2 * p + 2 : 0);
}
