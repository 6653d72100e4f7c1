/** Copies the lower triangle of the n×n row-major matrix g onto its upper triangle. */
export function mirrorLower(g: Float64Array, n: number): Float64Array {
  for (let r = 0; r < n; r++) for (let c = r + 1; c < n; c++) g[r * n + c] = g[c * n + r];
  return g;
}
