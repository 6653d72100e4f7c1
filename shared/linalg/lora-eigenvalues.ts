import { LinalgError } from "./linalg-error.ts";
import { eigvalsh as jsEigvalsh, type Eigvalsh } from "./eigvalsh.ts";

/**
 * The largest min(r, out, in) eigenvalues of (BA)ᵀ(BA), ascending, for a LoRA pair A [r, in] and
 * B [out, r] (row-major), without forming B·A. Why this form: a Householder QR Aᵀ = Q·R (Q
 * orthonormal, in × k, k = min(in, r)) gives BA = (B·Rᵀ)·Qᵀ, so BA has the singular values of the
 * out × k matrix C = B·Rᵀ; the symmetric k × k Gram CᵀC = R(BᵀB)Rᵀ (R is the Cholesky factor of
 * AAᵀ, found without squaring A's condition) then goes to the project's eigensolver, which gives
 * every eigenvalue to a few ε·λmax as for any other layer's Gram.
 */
export function loraEigenvalues(r: number, inDim: number, outDim: number, a: Float64Array, b: Float64Array, eigvalsh: Eigvalsh = jsEigvalsh): Float64Array {
  if (a.length !== r * inDim || b.length !== outDim * r) {
    throw new LinalgError("invalid_matrix", `lora_A needs ${r}×${inDim} and lora_B ${outDim}×${r} values, got ${a.length} and ${b.length}`);
  }
  const R = lqTriangle(r, inDim, a);
  const k = Math.min(r, inDim);
  const c = new Float64Array(outDim * k);
  // C[o, j] = Σ_i B[o, i]·R[j, i]  (C = B·Rᵀ; R is upper triangular, so i ≥ j)
  for (let o = 0; o < outDim; o++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let i = j; i < r; i++) s += b[o * r + i] * R[j * r + i];
      c[o * k + j] = s;
    }
  }
  const gram = new Float64Array(k * k);
  // G = CᵀC
  for (let o = 0; o < outDim; o++) {
    for (let i = 0; i < k; i++) {
      const ci = c[o * k + i];
      for (let j = 0; j <= i; j++) gram[i * k + j] += ci * c[o * k + j];
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) gram[j * k + i] = gram[i * k + j];
  const values = eigvalsh(k, gram);
  return values.slice(k - Math.min(r, outDim, inDim));
}

/** R (k × r, upper triangular, row-major) of the Householder QR of Aᵀ, from A [r, in] without transposing it. */
function lqTriangle(r: number, inDim: number, a: Float64Array): Float64Array {
  const w = Float64Array.from(a);
  const k = Math.min(r, inDim);
  const R = new Float64Array(k * r);
  const v = new Float64Array(inDim);
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let t = j; t < inDim; t++) norm += w[j * inDim + t] ** 2;
    norm = Math.sqrt(norm);
    const alpha = w[j * inDim + j] > 0 ? -norm : norm;
    let vv = 0;
    for (let t = j; t < inDim; t++) {
      v[t] = w[j * inDim + t] - (t === j ? alpha : 0);
      vv += v[t] ** 2;
    }
    R[j * r + j] = alpha;
    for (let q = j + 1; q < r; q++) {
      let s = 0;
      for (let t = j; t < inDim; t++) s += v[t] * w[q * inDim + t];
      const f = vv > 0 ? (2 * s) / vv : 0;
      for (let t = j; t < inDim; t++) w[q * inDim + t] -= f * v[t];
      R[j * r + q] = w[q * inDim + j];
    }
  }
  return R;
}
