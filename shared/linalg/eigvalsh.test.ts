import { describe, expect, it } from "vitest";
import { eigvalsh } from "./eigvalsh.ts";
import { LinalgError } from "./linalg-error.ts";

/** Q Λ Qᵀ with Q a product of Householder reflections: a dense matrix whose eigenvalues are Λ. */
function withEigenvalues(lambda: number[], seed: number): Float64Array {
  const n = lambda.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) a[i * n + i] = lambda[i];
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  for (let r = 0; r < 3; r++) {
    const v = Array.from({ length: n }, next);
    const vv = v.reduce((s, x) => s + x * x, 0);
    // A ← H A H with H = I − 2 v vᵀ / vᵀv, applied as two one-sided products
    for (const side of [0, 1]) {
      for (let k = 0; k < n; k++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += v[i] * (side === 0 ? a[i * n + k] : a[k * n + i]);
        const f = (2 * dot) / vv;
        for (let i = 0; i < n; i++) {
          if (side === 0) a[i * n + k] -= f * v[i];
          else a[k * n + i] -= f * v[i];
        }
      }
    }
  }
  return a;
}

function maxError(got: Float64Array, want: number[]): number {
  const sorted = [...want].sort((x, y) => x - y);
  const scale = Math.max(...sorted.map(Math.abs));
  return Math.max(...sorted.map((w, i) => Math.abs(got[i] - w))) / scale;
}

describe("eigvalsh", () => {
  it("matches numpy.linalg.eigvalsh on a fixed dense matrix to 1e-14 of λmax", () => {
    const n = 12;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const f = (p: number, q: number) => (((p * 7 + q * 13 + ((p * q) % 5)) % 17) / 4) - 2;
        a[i * n + j] = f(i, j) + f(j, i);
      }
    }
    // numpy 2.4 (LAPACK dsyevd), computed once
    const numpy = [
      -9.492211868693365, -7.483523999059283, -4.469542412017574, -3.400470817109119, -1.1572371462821909,
      -1.0406590271874632, -0.11787606663128751, 2.0132503661669983, 3.4000858301268577, 4.074963284658312,
      9.308978529864634, 10.364243326163493,
    ];
    expect(maxError(eigvalsh(n, a), numpy)).toBeLessThan(1e-14);
  });

  it("recovers planted eigenvalues of a dense matrix, ascending", () => {
    const lambda = Array.from({ length: 60 }, (_, i) => Math.pow(1.2, i) - 5);
    const got = eigvalsh(60, withEigenvalues(lambda, 7));
    expect(maxError(got, lambda)).toBeLessThan(1e-13);
    for (let i = 1; i < got.length; i++) expect(got[i]).toBeGreaterThanOrEqual(got[i - 1]);
  });

  it("resolves clustered and repeated eigenvalues, including an exact null space", () => {
    const lambda = [0, 0, 0, 1, 1, 1, 1 + 1e-9, 2, 2, 5];
    expect(maxError(eigvalsh(10, withEigenvalues(lambda, 3)), lambda)).toBeLessThan(1e-14);
  });

  it("gives the known spectrum of the second-difference matrix", () => {
    const n = 50;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      a[i * n + i] = 2;
      if (i > 0) a[i * n + i - 1] = a[(i - 1) * n + i] = -1;
    }
    const want = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1)));
    expect(maxError(eigvalsh(n, a), want)).toBeLessThan(1e-14);
  });

  it("handles orders 0, 1 and 2, diagonal and zero matrices", () => {
    expect(eigvalsh(0, new Float64Array(0))).toEqual(new Float64Array(0));
    expect(Array.from(eigvalsh(1, Float64Array.of(-3)))).toEqual([-3]);
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3
    expect(maxError(eigvalsh(2, Float64Array.of(2, 1, 1, 2)), [1, 3])).toBeLessThan(1e-15);
    expect(Array.from(eigvalsh(3, Float64Array.of(3, 0, 0, 0, -1, 0, 0, 0, 2)))).toEqual([-1, 2, 3]);
    expect(Array.from(eigvalsh(4, new Float64Array(16)))).toEqual([0, 0, 0, 0]);
  });

  it("is unaffected by huge or tiny scales", () => {
    const lambda = [1, 2, 3, 4, 5, 6];
    for (const scale of [1e-150, 1e150]) {
      const a = withEigenvalues(lambda, 11).map((x) => x * scale);
      expect(maxError(eigvalsh(6, a), lambda.map((x) => x * scale))).toBeLessThan(1e-14);
    }
  });

  it("reads only the lower triangle", () => {
    const a = withEigenvalues([1, 2, 3, 4], 5);
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) a[i * 4 + j] = Number.NaN;
    expect(maxError(eigvalsh(4, a), [1, 2, 3, 4])).toBeLessThan(1e-14);
  });

  it("rejects a wrong length or a non-finite entry with a typed error", () => {
    expect(() => eigvalsh(3, new Float64Array(8))).toThrow(LinalgError);
    expect(() => eigvalsh(2, Float64Array.of(1, 0, Number.POSITIVE_INFINITY, 1))).toThrowError(/entry \(1, 0\)/);
    expect(() => eigvalsh(-1, new Float64Array(0))).toThrow(LinalgError);
  });
});
