export type LinalgErrorCode = "invalid_matrix" | "no_convergence" | "not_positive_definite";

/** A matrix the numerical kernels cannot work on, or an iteration that did not converge. */
export class LinalgError extends Error {
  constructor(
    readonly code: LinalgErrorCode,
    detail: string,
  ) {
    super(detail);
    this.name = "LinalgError";
  }
}
