import { LinalgError } from "./linalg-error.ts";

/**
 * Makes the vectors orthonormal in place by modified Gram–Schmidt, applied twice ("twice is
 * enough", Giraud et al.) so that the result is orthonormal to working precision.
 */
export function orthonormalize(vectors: Float64Array[]): void {
  for (let a = 0; a < vectors.length; a++) {
    const v = vectors[a];
    const original = Math.sqrt(dot(v, v));
    for (let pass = 0; pass < 2; pass++) {
      for (let b = 0; b < a; b++) {
        const u = vectors[b];
        const f = dot(u, v);
        for (let i = 0; i < v.length; i++) v[i] -= f * u[i];
      }
    }
    const norm = Math.sqrt(dot(v, v));
    if (!(norm > original * 1e-12)) throw new LinalgError("invalid_matrix", `vector ${a} is linearly dependent on the ones before it`);
    for (let i = 0; i < v.length; i++) v[i] /= norm;
  }
}

function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}
