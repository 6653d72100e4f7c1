/**
 * Block-scaled FP8 values (DeepSeek-V3 style) of a run of a weight [rows, cols] stored row-major, as
 * DeepSeek-V3's `weight_dequant` kernel computes them (inference/kernel.py, in float32):
 * W[r, c] = float(x[r, c]) · s[⌊r/br⌋, ⌊c/bc⌋], `s` the weight_scale_inv blocks, edge blocks partial.
 * `bytes` hold the elements from `start` (an element index of the matrix); `scale` holds the block
 * rows from `scaleRow0`, `scaleCols` blocks wide; `values` decodes an FP8 byte exactly.
 */
export function dequantizeFp8Block(
  bytes: Uint8Array,
  start: number,
  cols: number,
  blockRows: number,
  blockCols: number,
  scale: Float32Array,
  scaleRow0: number,
  scaleCols: number,
  values: Float32Array,
  out: Float32Array,
): void {
  let r = Math.floor(start / cols);
  let c = start - r * cols;
  for (let k = 0; k < bytes.length; k++) {
    out[k] = Math.fround(values[bytes[k]] * scale[(Math.floor(r / blockRows) - scaleRow0) * scaleCols + Math.floor(c / blockCols)]);
    if (++c === cols) {
      c = 0;
      r++;
    }
  }
}
