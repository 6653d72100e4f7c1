import { HeavytailError } from "../errors/heavytail-error.ts";

export type LinalgErrorCode = "invalid_matrix" | "no_convergence" | "not_positive_definite";

/** A matrix the numerical kernels cannot work on, or an iteration that did not converge. */
export class LinalgError extends HeavytailError {
  declare readonly code: LinalgErrorCode;
  constructor(code: LinalgErrorCode, detail: string) {
    super(code, 500, detail);
    this.name = "LinalgError";
  }
}
