import { describe, expect, it } from "vitest";
import { eigvalsh } from "./eigvalsh.ts";
import { bandCholesky, bandCholeskySolve, smallEigenvectors } from "./small-eigenvectors.ts";
import { LinalgError } from "./linalg-error.ts";
import { createRng } from "../metrics/create-rng.ts";

/** WᵀW of a rows × cols uniform matrix whose last `copies` columns repeat the first ones: an exact null space of that dimension */
function gramWithNullSpace(rows: number, cols: number, copies: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const w = Float64Array.from({ length: rows * cols }, () => Math.fround(rng.uniform() * 2 - 1));
  for (let r = 0; r < rows; r++) for (let c = 0; c < copies; c++) w[r * cols + cols - 1 - c] = w[r * cols + c];
  const g = new Float64Array(cols * cols);
  for (let r = 0; r < rows; r++) for (let i = 0; i < cols; i++) for (let j = 0; j < cols; j++) g[i * cols + j] += w[r * cols + i] * w[r * cols + j];
  return g;
}

function startVectors(n: number, k: number, seed: number): Float64Array[] {
  const rng = createRng(seed);
  return Array.from({ length: k }, () => Float64Array.from({ length: n }, () => rng.uniform() - 0.5));
}

/** max over basis vectors of ‖A x − X Xᵀ A x‖ / λmax, and the worst |XᵀX − I| entry */
function subspaceErrors(n: number, a: Float64Array, x: Float64Array[], lambdaMax: number): { residual: number; orthogonality: number } {
  let residual = 0;
  let orthogonality = 0;
  for (let p = 0; p < x.length; p++) {
    const ax = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) ax[i] += a[i * n + j] * x[p][j];
    const r = Float64Array.from(ax);
    for (const y of x) {
      let h = 0;
      for (let i = 0; i < n; i++) h += y[i] * ax[i];
      for (let i = 0; i < n; i++) r[i] -= h * y[i];
    }
    residual = Math.max(residual, Math.sqrt(r.reduce((s, v) => s + v * v, 0)) / lambdaMax);
    for (let q = 0; q < x.length; q++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += x[p][i] * x[q][i];
      orthogonality = Math.max(orthogonality, Math.abs(d - (p === q ? 1 : 0)));
    }
  }
  return { residual, orthogonality };
}

describe("eigvalsh.reduce (JS)", () => {
  it("gives the plain solver's eigenvalues bit for bit", () => {
    for (const [rows, cols, copies] of [[30, 20, 3], [9, 17, 0], [3, 2, 0], [1, 1, 0]]) {
      const g = gramWithNullSpace(rows, cols, copies, rows + cols);
      const plain = eigvalsh(cols, g.slice());
      const reduction = eigvalsh.reduce!(cols, g.slice());
      expect(Array.from(reduction.values)).toEqual(Array.from(plain));
      expect(reduction.bandwidth).toBe(1);
      expect(reduction.band()).toHaveLength(2 * cols);
    }
  });

  it("keeps an orthogonal Q: applyQ preserves lengths and angles", () => {
    const n = 25;
    const g = gramWithNullSpace(40, n, 0, 1);
    const reduction = eigvalsh.reduce!(n, g.slice());
    const x = startVectors(n, 3, 2);
    const before = x.map((u) => x.map((v) => u.reduce((s, ui, i) => s + ui * v[i], 0)));
    reduction.applyQ(x);
    const after = x.map((u) => x.map((v) => u.reduce((s, ui, i) => s + ui * v[i], 0)));
    after.forEach((row, p) => row.forEach((d, q) => expect(Math.abs(d - before[p][q])).toBeLessThan(1e-14)));
  });
});

describe("smallEigenvectors", () => {
  it("spans an exact null space to working precision", () => {
    const [rows, cols, copies] = [60, 40, 3];
    const g = gramWithNullSpace(rows, cols, copies, 3);
    const reduction = eigvalsh.reduce!(cols, g.slice());
    const lambdaMax = reduction.values[cols - 1];
    const x = smallEigenvectors(reduction, startVectors(cols, copies, 4), 1e-8 * lambdaMax, 12);
    const { residual, orthogonality } = subspaceErrors(cols, g, x, lambdaMax);
    expect(residual).toBeLessThan(1e-13);
    expect(orthogonality).toBeLessThan(1e-14);
  });

  it("throws a LinalgError when B + μI is not positive definite", () => {
    const n = 6;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) a[i * n + i] = i - 2; // eigenvalues −2..3
    const reduction = eigvalsh.reduce!(n, a.slice());
    expect(() => smallEigenvectors(reduction, startVectors(n, 2, 5), 1e-3, 3)).toThrow(LinalgError);
  });
});

describe("bandCholesky / bandCholeskySolve", () => {
  it("solve (B + μI) x = y for a band matrix", () => {
    for (const b of [1, 3, 7]) {
      const n = 20;
      const w = b + 1;
      const rng = createRng(b);
      const band = new Float64Array(n * w);
      for (let i = 0; i < n; i++) for (let d = 1; d <= Math.min(b, i); d++) band[i * w + d] = rng.uniform() - 0.5;
      for (let i = 0; i < n; i++) band[i * w] = 2 * b + 1; // diagonally dominant
      const dense = (i: number, j: number) => (Math.abs(i - j) > b ? 0 : band[Math.max(i, j) * w + Math.abs(i - j)]);
      const shift = 0.25;
      const y = Float64Array.from({ length: n }, () => rng.uniform());
      const factor = band.slice();
      bandCholesky(n, b, factor, shift);
      const x = y.slice();
      bandCholeskySolve(n, b, factor, x);
      for (let i = 0; i < n; i++) {
        let s = shift * x[i];
        for (let j = 0; j < n; j++) s += dense(i, j) * x[j];
        expect(Math.abs(s - y[i])).toBeLessThan(1e-13);
      }
    }
  });
});
