import { beforeAll, describe, expect, it } from "vitest";
import { createWasmLinalg, wasmLoraGrams, type WasmLinalg, loraGramsJs, loraEigenvalues, jacobiSingularValues } from "#shared/linalg";
import { seededRandom } from "../helpers/seeded-random.ts";
import { compiledLinalgModule } from "./compiled-linalg.ts";

let wasm: WasmLinalg;
beforeAll(async () => {
  wasm = createWasmLinalg(await compiledLinalgModule());
});

/** float32 values, as a weight file stores them, so the kernel's float32 inputs are exact */
function randomMatrix(rows: number, cols: number, random: () => number, scale = 1): Float32Array {
  return Float32Array.from({ length: rows * cols }, () => scale * (2 * random() - 1));
}

/** svd(B·A)², ascending, from B·A formed in float64 (one-sided Jacobi, no Gram). */
function squaredSingularValuesOfProduct(r: number, inDim: number, outDim: number, a: Float32Array, b: Float32Array): number[] {
  const [rows, cols] = outDim >= inDim ? [outDim, inDim] : [inDim, outDim];
  const entry = (o: number, j: number) => {
    let s = 0;
    for (let i = 0; i < r; i++) s += b[o * r + i] * a[i * inDim + j];
    return s;
  };
  const columns = Array.from({ length: cols }, (_, c) => Float64Array.from({ length: rows }, (_, k) => (outDim >= inDim ? entry(k, c) : entry(c, k))));
  return [...jacobiSingularValues(columns)].sort((x, y) => x - y).map((v) => v * v);
}

describe("wasmLoraGrams", () => {
  for (const [r, inDim, outDim, seed] of [
    [4, 12, 9, 1],
    [3, 7, 20, 2],
    [17, 80, 40, 3],
    [13, 1100, 9, 4],
    [10, 9, 1100, 5],
    [40, 200, 300, 6],
  ] as const) {
    it(`sums A·Aᵀ and BᵀB as the float64 loops do, and gives svd(B·A)² to 1e-10 (r=${r}, in=${inDim}, out=${outDim})`, () => {
      const random = seededRandom(seed);
      const a = randomMatrix(r, inDim, random);
      const b = randomMatrix(outDim, r, random, 0.01);
      const kernel = wasmLoraGrams(wasm)(r, inDim, outDim, a, b);
      const loops = loraGramsJs(r, inDim, outDim, a, b);
      for (const key of ["gramA", "gramB"] as const) {
        const scale = Math.max(...loops[key].map(Math.abs));
        kernel[key].forEach((v, k) => expect(Math.abs(v - loops[key][k]) / scale).toBeLessThan(1e-14));
      }
      const got = loraEigenvalues(r, inDim, outDim, a, b, wasm.eigvalsh, wasmLoraGrams(wasm));
      const want = squaredSingularValuesOfProduct(r, inDim, outDim, a, b).slice(-Math.min(r, inDim, outDim));
      expect(got).toHaveLength(want.length);
      got.forEach((v, i) => expect(Math.abs(v - want[i]) / want[want.length - 1]).toBeLessThan(1e-10));
      expect(wasm.memoryBytes()).toBeLessThanOrEqual(32 * 2 ** 20);
    });
  }
});
