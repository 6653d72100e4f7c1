/**
 * Reads decoded float32 values of one tensor in storage (row-major) order: `count` elements
 * starting at element `first`. Chunks have any length but always hold whole values. A Gram
 * accumulator may call it more than once (wide matrices are read in panels).
 */
export type ValueReader = (first: number, count: number) => AsyncIterable<Float32Array>;

/** The eigenvalues of one layer, per matrix (per conv2d slice), each ascending, float64. */
export interface LayerSpectrum {
  /** eigenvalues of WᵀW (smaller side) of each slice, ascending; negative rounding noise clamped to 0 */
  slices: Float64Array[];
  /**
   * per slice: true where an eigenvalue is at the solver's noise floor, i.e. the matrix is exactly
   * rank-deficient there (see docs/engine.md); used for matrix_rank, rank_loss and sv_min
   */
  numericallyZero: Uint8Array[];
}
