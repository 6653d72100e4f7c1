/**
 * target[(rowOffset + x)·stride + colOffset + y] = a_x · b_y for the rows a_x of `a` (aRows × cols)
 * and b_y of `b` (bRows × cols): one block of W_I W_Jᵀ. With `lowerOnly` (a diagonal block, a = b)
 * only y ≤ x is needed; a few entries above are written too, with their correct values.
 */
export function addPanelProduct(
  a: Float64Array,
  aRows: number,
  b: Float64Array,
  bRows: number,
  cols: number,
  target: Float64Array,
  stride: number,
  rowOffset: number,
  colOffset: number,
  lowerOnly = false,
): void {
  const dot = (ax: number, by: number) => {
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += a[ax + c] * b[by + c];
    return sum;
  };
  // two rows of a by two rows of b at a time: four products per four loads, same summation order
  let x = 0;
  for (; x + 1 < aRows; x += 2) {
    const a0 = x * cols;
    const a1 = a0 + cols;
    const t0 = (rowOffset + x) * stride + colOffset;
    const t1 = t0 + stride;
    const limit = lowerOnly ? Math.min(bRows, x + 2) : bRows;
    let y = 0;
    for (; y + 1 < limit; y += 2) {
      const b0 = y * cols;
      const b1 = b0 + cols;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let c = 0; c < cols; c++) {
        const x0 = a[a0 + c];
        const x1 = a[a1 + c];
        const y0 = b[b0 + c];
        const y1 = b[b1 + c];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      target[t0 + y] = s00;
      target[t0 + y + 1] = s01;
      target[t1 + y] = s10;
      target[t1 + y + 1] = s11;
    }
    if (y < limit) {
      target[t0 + y] = dot(a0, y * cols);
      target[t1 + y] = dot(a1, y * cols);
    }
  }
  if (x < aRows) {
    const t = (rowOffset + x) * stride + colOffset;
    const limit = lowerOnly ? Math.min(bRows, x + 1) : bRows;
    for (let y = 0; y < limit; y++) target[t + y] = dot(x * cols, y * cols);
  }
}
