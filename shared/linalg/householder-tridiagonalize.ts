import { LinalgError } from "./linalg-error.ts";

export interface Tridiagonal {
  /** diagonal, length n */
  diagonal: Float64Array;
  /** sub-diagonal, length n; entry i couples diagonal i and i+1, the last entry is 0 */
  offDiagonal: Float64Array;
  /**
   * with keepReflectors: h_k of reflector k (0 where column k needed none); its vector v is kept
   * in column k of `a` below the diagonal, v[i] = a[i·n + k] for i ≥ k + 1, and
   * T = Qᵀ A Q with Q = H_0 ⋯ H_{n−3}, H_k = I − v vᵀ / h_k
   */
  reflectorScale?: Float64Array;
}

/**
 * Reduces a symmetric matrix to tridiagonal form T = QᵀAQ by Householder reflections
 * (H = I − v vᵀ / h, h = ½‖v‖²), one per column. Only the lower triangle of `a` (full row-major
 * n×n) is read and it is overwritten. Each step applies the reflection to the trailing block as a
 * symmetric rank-2 update A ← A − v qᵀ − q vᵀ with p = A v / h, q = p − (vᵀp / 2h) v, so the work is
 * 4n³/3 flops and the eigenvalues of T equal those of A to a few ε‖A‖.
 */
export function householderTridiagonalize(n: number, a: Float64Array, options: { keepReflectors?: boolean } = {}): Tridiagonal {
  if (!Number.isInteger(n) || n < 0 || a.length < n * n) {
    throw new LinalgError("invalid_matrix", `expected a ${n}×${n} matrix, got ${a.length} values`);
  }
  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(n);
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  // column k below the diagonal is read only at step k, so it can hold reflector k afterwards
  const reflectorScale = options.keepReflectors ? new Float64Array(n) : undefined;

  for (let k = 0; k < n - 2; k++) {
    const start = k + 1;
    // the column below the diagonal is row k's part right of it, read from the lower triangle
    let scale = 0;
    for (let i = start; i < n; i++) scale = Math.max(scale, Math.abs(a[i * n + k]));
    diagonal[k] = a[k * n + k];
    if (scale === 0) {
      offDiagonal[k] = 0;
      continue;
    }
    let sigma2 = 0;
    for (let i = start; i < n; i++) {
      const x = a[i * n + k] / scale;
      v[i] = x;
      sigma2 += x * x;
    }
    const x0 = v[start];
    const alpha = x0 >= 0 ? -Math.sqrt(sigma2) : Math.sqrt(sigma2);
    offDiagonal[k] = alpha * scale;
    // h = σ² − α x0 = ½‖v‖² with v = x − α e₁; it is ≥ σ² > 0 because α has the sign opposite x0
    const h = sigma2 - alpha * x0;
    v[start] = x0 - alpha;
    if (reflectorScale) {
      reflectorScale[k] = h;
      for (let i = start; i < n; i++) a[i * n + k] = v[i];
    }

    // p = A22 v / h over the trailing block, reading its lower triangle once, two rows at a time
    for (let i = start; i < n; i++) p[i] = 0;
    let i = start;
    for (; i + 1 < n; i += 2) {
      const r0 = i * n;
      const r1 = r0 + n;
      const v0 = v[i];
      const v1 = v[i + 1];
      let s0 = 0;
      let s1 = 0;
      for (let j = start; j < i; j++) {
        const a0 = a[r0 + j];
        const a1 = a[r1 + j];
        const vj = v[j];
        s0 += a0 * vj;
        s1 += a1 * vj;
        p[j] += a0 * v0 + a1 * v1;
      }
      const a10 = a[r1 + i];
      p[i] += s0 + a[r0 + i] * v0 + a10 * v1;
      p[i + 1] += s1 + a10 * v0 + a[r1 + i + 1] * v1;
    }
    if (i < n) {
      const row = i * n;
      const vi = v[i];
      let sum = 0;
      for (let j = start; j < i; j++) {
        const aij = a[row + j];
        sum += aij * v[j];
        p[j] += aij * vi;
      }
      p[i] += sum + a[row + i] * vi;
    }
    let vp = 0;
    for (let i = start; i < n; i++) {
      p[i] /= h;
      vp += v[i] * p[i];
    }
    const kq = vp / (2 * h);
    for (let i = start; i < n; i++) p[i] -= kq * v[i];
    // A22 ← A22 − v qᵀ − q vᵀ (lower triangle), q held in p, two rows at a time
    let u = start;
    for (; u + 1 < n; u += 2) {
      const r0 = u * n;
      const r1 = r0 + n;
      const v0 = v[u];
      const q0 = p[u];
      const v1 = v[u + 1];
      const q1 = p[u + 1];
      for (let j = start; j <= u; j++) {
        const pj = p[j];
        const vj = v[j];
        a[r0 + j] -= v0 * pj + q0 * vj;
        a[r1 + j] -= v1 * pj + q1 * vj;
      }
      a[r1 + u + 1] -= v1 * q1 + q1 * v1;
    }
    if (u < n) {
      const row = u * n;
      const vi = v[u];
      const qi = p[u];
      for (let j = start; j <= u; j++) a[row + j] -= vi * p[j] + qi * v[j];
    }
  }
  if (n >= 2) {
    diagonal[n - 2] = a[(n - 2) * n + (n - 2)];
    offDiagonal[n - 2] = a[(n - 1) * n + (n - 2)];
  }
  if (n >= 1) diagonal[n - 1] = a[(n - 1) * n + (n - 1)];
  return reflectorScale ? { diagonal, offDiagonal, reflectorScale } : { diagonal, offDiagonal };
}
