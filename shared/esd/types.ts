/**
 * Reads decoded float32 values of one tensor in storage (row-major) order: `count` elements
 * starting at element `first`. Chunks have any length but always hold whole values. A Gram
 * accumulator may call it more than once (wide matrices are read in panels).
 */
export type ValueReader = (first: number, count: number) => AsyncIterable<Float32Array>;

/** The eigenvalues of one layer, per matrix (per conv2d slice), each ascending, float64. */
export interface LayerSpectrum {
  /**
   * eigenvalues of WᵀW (smaller side) of each slice, ascending; values found to be zero (below)
   * are exactly 0, so no negative rounding noise remains
   */
  slices: Float64Array[];
  /**
   * per slice: 1 where the eigenvalue is zero as far as float64 can tell, i.e. the matrix is
   * rank-deficient there (docs/engine.md): a singular value ≤ N·ε·σmax(slice) when the small end
   * was refined against the weights, else a Gram eigenvalue at its noise floor order·ε·λmax
   */
  numericallyZero: Uint8Array[];
}
