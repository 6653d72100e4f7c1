/**
 * out[t][x] = panel[x][first + t] for t < depth (0 past the last column), out depth × rows
 * row-major: columns [first, first + depth) of a row panel, turned so that the depth runs down,
 * as XᵀY wants it. The panel's values are float32 values held in float64, so the copy is exact.
 */
export function packTransposedChunk(panel: Float64Array, rows: number, cols: number, first: number, depth: number, out: Float32Array): Float32Array {
  const width = Math.max(0, Math.min(depth, cols - first));
  for (let x = 0; x < rows; x++) {
    const from = x * cols + first;
    for (let t = 0; t < width; t++) out[t * rows + x] = panel[from + t];
  }
  out.fill(0, width * rows, depth * rows);
  return out;
}
