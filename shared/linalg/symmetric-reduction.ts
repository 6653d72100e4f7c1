/**
 * What an eigensolver keeps of its orthogonal reduction A = Q B Qᵀ (B banded: tridiagonal for a
 * one-stage reduction, bandwidth b for a two-stage one) besides the eigenvalues, so that a few
 * eigenvectors cost O(n·b²) on B plus O(n²) per vector to apply Q, instead of a second O(n³)
 * factorization of A. The reduction is backward stable: B = Qᵀ(A + E)Q with ‖E‖ a few ε‖A‖.
 */
export interface SymmetricReduction {
  /** the eigenvalues of A, as the solver's plain call returns them (ascending) */
  readonly values: Float64Array;
  /** half-bandwidth b of B (1: tridiagonal) */
  readonly bandwidth: number;
  /** B's lower band by rows, in A's units: band[i·(b+1) + d] = B(i, i − d) for d = 0..b (0 where i − d < 0) */
  band(): Float64Array;
  /** x ← Q x for every vector (length n), in place: eigenvectors of B become eigenvectors of A */
  applyQ(vectors: Float64Array[]): void;
  /** gives back what the reduction holds (WASM memory); it cannot be used afterwards */
  dispose(): void;
}
