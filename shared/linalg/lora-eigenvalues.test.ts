import { describe, expect, it } from "vitest";
import { loraEigenvalues } from "./lora-eigenvalues.ts";
import { jacobiSingularValues } from "./jacobi-singular-values.ts";
import { LinalgError } from "./linalg-error.ts";
import { orthonormalize } from "./orthonormalize.ts";
import { seededRandom } from "../../test/helpers/seeded-random.ts";

function randomMatrix(rows: number, cols: number, random: () => number): Float64Array {
  return Float64Array.from({ length: rows * cols }, () => 2 * random() - 1);
}

/** svd(B·A)², ascending, from B·A formed in float64 and a one-sided Jacobi SVD (no Gram). */
function squaredSingularValuesOfProduct(r: number, inDim: number, outDim: number, a: Float64Array, b: Float64Array): number[] {
  const columns = Array.from({ length: inDim }, (_, j) => {
    const col = new Float64Array(outDim);
    for (let o = 0; o < outDim; o++) for (let i = 0; i < r; i++) col[o] += b[o * r + i] * a[i * inDim + j];
    return col;
  });
  const s = [...jacobiSingularValues(outDim >= inDim ? columns : transpose(columns, outDim))].sort((x, y) => x - y);
  return s.map((v) => v * v);
}

function expectProductEigenvalues(r: number, inDim: number, outDim: number, a: Float64Array, b: Float64Array): void {
  const got = loraEigenvalues(r, inDim, outDim, a, b);
  const want = squaredSingularValuesOfProduct(r, inDim, outDim, a, b).slice(-Math.min(r, inDim, outDim));
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => expect(Math.abs(v - want[i]) / want[want.length - 1]).toBeLessThan(1e-10));
  want.forEach((v, i) => v > 1e-3 * want[want.length - 1] && expect(Math.abs(got[i] - v) / v).toBeLessThan(1e-10));
}

function transpose(columns: Float64Array[], rows: number): Float64Array[] {
  return Array.from({ length: rows }, (_, o) => Float64Array.from(columns, (c) => c[o]));
}

describe("loraEigenvalues", () => {
  for (const [r, inDim, outDim, seed] of [
    [4, 12, 9, 1],
    [3, 7, 20, 2],
    [8, 16, 16, 3],
    [5, 5, 6, 4],
    [6, 4, 10, 5],
    [17, 80, 40, 6],
    [5, 1100, 9, 7],
    [7, 9, 1100, 8],
  ] as const) {
    it(`gives the top min(r, out, in) eigenvalues of (BA)ᵀ(BA) for r=${r}, in=${inDim}, out=${outDim}`, () => {
      const random = seededRandom(seed);
      expectProductEigenvalues(r, inDim, outDim, randomMatrix(r, inDim, random), randomMatrix(outDim, r, random));
    });
  }

  it("handles an A whose rows are dependent although r < in", () => {
    const random = seededRandom(9);
    const [r, inDim, outDim] = [8, 20, 12];
    const a = randomMatrix(r, inDim, random);
    for (let t = 0; t < inDim; t++) {
      a[7 * inDim + t] = a[t];
      a[6 * inDim + t] = a[inDim + t] + a[2 * inDim + t];
    }
    expectProductEigenvalues(r, inDim, outDim, a, randomMatrix(outDim, r, random));
  });

  it("keeps its accuracy where B undoes an A conditioned to 1e10 (where squaring A would lose it)", () => {
    const random = seededRandom(10);
    const [r, inDim, outDim] = [16, 64, 48];
    const a = randomMatrix(r, inDim, random);
    const b = randomMatrix(outDim, r, random);
    // A = Q·S·Â and B = B̂·S^(-1/2)·Qᵀ: B·A keeps a modest spread while A's singular values span 10 decades
    const q = Array.from({ length: r }, () => randomMatrix(1, r, random));
    orthonormalize(q);
    const rotatedA = new Float64Array(r * inDim);
    const rotatedB = new Float64Array(outDim * r);
    for (let j = 0; j < r; j++) {
      const s = 10 ** ((-10 * j) / (r - 1));
      for (let i = 0; i < r; i++) {
        for (let t = 0; t < inDim; t++) rotatedA[i * inDim + t] += q[i][j] * s * a[j * inDim + t];
        for (let o = 0; o < outDim; o++) rotatedB[o * r + i] += (b[o * r + j] / Math.sqrt(s)) * q[i][j];
      }
    }
    expectProductEigenvalues(r, inDim, outDim, rotatedA, rotatedB);
  });

  it("gives exact zeros for a zero-initialised B (PEFT's initial state)", () => {
    const random = seededRandom(7);
    const got = loraEigenvalues(4, 10, 8, randomMatrix(4, 10, random), new Float64Array(32));
    expect([...got]).toEqual([0, 0, 0, 0]);
  });

  it("refuses arrays of the wrong size", () => {
    expect(() => loraEigenvalues(2, 3, 4, new Float64Array(5), new Float64Array(8))).toThrow(LinalgError);
  });
});
