/**
 * out (depth × count, row-major) = columns [start, start + count) of block (depth × width,
 * row-major): the slice of a row block that one tile of the Gram needs.
 */
export function packColumns(block: Float32Array, depth: number, width: number, start: number, count: number, out: Float32Array): Float32Array {
  for (let t = 0; t < depth; t++) out.set(block.subarray(t * width + start, t * width + start + count), t * count);
  return out;
}
