/**
 * target[(rowOffset + x)·stride + colOffset + y] = a_x · b_y for the rows a_x of `a` (aRows × cols)
 * and b_y of `b` (bRows × cols): one block of W_I W_Jᵀ.
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
): void {
  for (let x = 0; x < aRows; x++) {
    const ax = x * cols;
    const tx = (rowOffset + x) * stride + colOffset;
    for (let y = 0; y < bRows; y++) {
      const by = y * cols;
      let sum = 0;
      for (let c = 0; c < cols; c++) sum += a[ax + c] * b[by + c];
      target[tx + y] = sum;
    }
  }
}
