import { LinalgError } from "./linalg-error.ts";
import { eigvalsh as jsEigvalsh, type Eigvalsh } from "./eigvalsh.ts";
import { loraGramsJs, mirrorLower, type LoraGrams } from "./lora-grams.ts";

/**
 * Largest ‖AAᵀ‖·‖BᵀB‖ / λmax for which the Grams' eigenvalues stand: squaring rounds every
 * eigenvalue by a few ε·‖AAᵀ‖·‖BᵀB‖, so this keeps it within about 100·ε·λmax, next to the noise
 * floor (order·ε·λmax) below which eigenvalues count as zero. For r ≤ in the ratio is at most
 * κ(A)², near 1 for PEFT's random A and the adapters trained from it; past the limit B undoes A's
 * conditioning.
 */
const GRAM_AMPLIFICATION_LIMIT = 100;

/**
 * The largest min(r, out, in) eigenvalues of (BA)ᵀ(BA), ascending, for a LoRA pair A [r, in] and
 * B [out, r] (row-major), without forming B·A. Why this form: with any F such that F·Fᵀ = AAᵀ,
 * the nonzero eigenvalues of (BA)ᵀ(BA) are those of the k × k matrix Fᵀ(BᵀB)F; both Grams are
 * r × r, so the work is one cache-blocked pass over A and one over B, and F comes from a pivoted
 * Cholesky that stops where A's rank runs out (a rank-deficient A, r > in among them, needs no
 * special case). Squaring A and B costs accuracy only where ‖AAᵀ‖·‖BᵀB‖ far exceeds λmax; there
 * the Householder triangle of Aᵀ, which never squares A, decides instead.
 */
export function loraEigenvalues(
  r: number,
  inDim: number,
  outDim: number,
  a: Float32Array | Float64Array,
  b: Float32Array | Float64Array,
  eigvalsh: Eigvalsh = jsEigvalsh,
  grams: LoraGrams = loraGramsJs,
): Float64Array {
  if (a.length !== r * inDim || b.length !== outDim * r) {
    throw new LinalgError("invalid_matrix", `lora_A needs ${r}×${inDim} and lora_B ${outDim}×${r} values, got ${a.length} and ${b.length}`);
  }
  const wanted = Math.min(r, outDim, inDim);
  const { gramA, gramB } = grams(r, inDim, outDim, a, b);
  const { factor, rank } = pivotedCholesky(r, gramA, Math.min(r, inDim));
  const values = new Float64Array(wanted);
  if (rank === 0) return values;
  const top = eigvalsh(rank, congruence(r, rank, factor, gramB));
  const gramScale = eigvalsh(r, gramA)[r - 1] * eigvalsh(r, gramB)[r - 1];
  if (gramScale === 0) return values;
  if (!(gramScale <= GRAM_AMPLIFICATION_LIMIT * top[rank - 1])) return triangleEigenvalues(r, inDim, outDim, a, b, eigvalsh, wanted);
  values.set(top.subarray(Math.max(0, rank - wanted)), Math.max(0, wanted - rank));
  return values;
}

/**
 * F (r × rank, row-major, rank ≤ maxRank) with F·Fᵀ = G, by Cholesky with diagonal pivoting
 * (LAPACK dpstrf) stopping at the first pivot ≤ 0. No rank tolerance: a pivot left by rounding adds
 * a column of F at the scale of G's own rounding, harmless, while a cut-off would drop the small
 * but exact directions of an A whose rows differ in scale by decades. Reads G's lower triangle.
 */
function pivotedCholesky(r: number, g: Float64Array, maxRank: number): { factor: Float64Array; rank: number } {
  const factor = new Float64Array(r * r);
  const left = new Float64Array(r);
  const order = Array.from({ length: r }, (_, i) => i);
  for (let i = 0; i < r; i++) left[i] = g[i * r + i];
  let rank = 0;
  while (rank < maxRank) {
    let pick = rank;
    for (let t = rank + 1; t < r; t++) if (left[order[t]] > left[order[pick]]) pick = t;
    const p = order[pick];
    if (!(left[p] > 0)) break;
    order[pick] = order[rank];
    order[rank] = p;
    const pivot = Math.sqrt(left[p]);
    factor[p * r + rank] = pivot;
    for (let t = rank + 1; t < r; t++) {
      const i = order[t];
      let s = i > p ? g[i * r + p] : g[p * r + i];
      for (let q = 0; q < rank; q++) s -= factor[i * r + q] * factor[p * r + q];
      const l = s / pivot;
      factor[i * r + rank] = l;
      left[i] -= l * l;
    }
    rank++;
  }
  const f = new Float64Array(r * rank);
  for (let i = 0; i < r; i++) for (let q = 0; q < rank; q++) f[i * rank + q] = factor[i * r + q];
  return { factor: f, rank };
}

/** Fᵀ·G·F (k × k, full) for F [r, k] and a full symmetric G [r, r], both row-major. */
function congruence(r: number, k: number, f: Float64Array, g: Float64Array): Float64Array {
  const gf = new Float64Array(r * k);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < r; j++) {
      const gij = g[i * r + j];
      if (gij === 0) continue;
      for (let q = 0; q < k; q++) gf[i * k + q] += gij * f[j * k + q];
    }
  }
  const m = new Float64Array(k * k);
  for (let i = 0; i < r; i++) {
    for (let p = 0; p < k; p++) {
      const fip = f[i * k + p];
      for (let q = 0; q <= p; q++) m[p * k + q] += fip * gf[i * k + q];
    }
  }
  mirrorLower(k, m);
  return m;
}

/**
 * The same eigenvalues from a Householder QR Aᵀ = Q·R (Q orthonormal, in × k, k = min(in, r)):
 * BA = (B·Rᵀ)·Qᵀ has the singular values of the out × k matrix C = B·Rᵀ, whose Gram CᵀC goes to
 * the eigensolver; A's conditioning stays in C rather than being squared.
 */
function triangleEigenvalues(r: number, inDim: number, outDim: number, a: Float32Array | Float64Array, b: Float32Array | Float64Array, eigvalsh: Eigvalsh, wanted: number): Float64Array {
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
  return values.slice(k - wanted);
}

/** R (k × r, upper triangular, row-major) of the Householder QR of Aᵀ, from A [r, in] without transposing it. */
function lqTriangle(r: number, inDim: number, a: Float32Array | Float64Array): Float64Array {
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
