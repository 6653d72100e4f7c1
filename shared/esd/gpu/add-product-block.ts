/**
 * g[(rowOffset + i)·stride + colOffset + j] += c[i][j], in float64: the float32 block products
 * are summed here, so the float32 rounding stays that of one block. With `lowerOnly` (a block on
 * the diagonal) only j ≤ i is added; the upper triangle is mirrored at the end.
 */
export function addProductBlock(c: Float32Array[], g: Float64Array, stride: number, rowOffset: number, colOffset: number, lowerOnly: boolean): void {
  for (let i = 0; i < c.length; i++) {
    const row = c[i];
    const at = (rowOffset + i) * stride + colOffset;
    const end = lowerOnly ? Math.min(row.length, i + 1) : row.length;
    for (let j = 0; j < end; j++) g[at + j] += row[j];
  }
}
