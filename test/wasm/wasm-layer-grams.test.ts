import { beforeAll, describe, expect, it } from "vitest";
import { createWasmLinalg, wasmLayerGrams, wasmTallGramPartial, wasmWideGramBlock } from "#shared/linalg";
import { tallGramPartial, wideGramBlock, computeLayerGrams, computeLayerSpectrum, type ValueReader } from "#shared/esd";
import type { LayerPlan } from "#shared/plan";
import { compiledLinalgModule } from "./compiled-linalg.ts";
import { seededWeights } from "./test-matrices.ts";

let module: WebAssembly.Module;
beforeAll(async () => {
  module = await compiledLinalgModule();
});

/** a reader over an in-memory tensor that hands out chunks of an awkward size */
function reader(values: Float32Array, chunk: number): ValueReader {
  return async function* (first, count) {
    for (let at = first; at < first + count; at += chunk) yield values.slice(at, Math.min(first + count, at + chunk));
  };
}

function plan(layer_type: "dense" | "conv2d", shape: number[], rows: number, cols: number, rf: number, scale: number): LayerPlan {
  return {
    layer_id: 0, name: "x", layer_type, rows, cols, rf, scale,
    N: Math.max(rows, cols), M: Math.min(rows, cols),
    tensor: { name: "x.weight", dtype: "F32", shape, offset: 0, length: 4 * shape.reduce((a, b) => a * b, 1), file: "m.safetensors" } as unknown as LayerPlan["tensor"],
  };
}

describe("wasmLayerGrams", () => {
  const cases = [
    { label: "tall dense", p: plan("dense", [90, 40], 90, 40, 1, 1) },
    { label: "wide dense (panel pairs)", p: plan("dense", [23, 70], 23, 70, 1, 1) },
    { label: "conv2d, 3×3 slices scaled by √½", p: plan("conv2d", [20, 12, 3, 3], 20, 12, 9, Math.fround(Math.SQRT1_2)) },
    { label: "wide conv2d", p: plan("conv2d", [6, 14, 1, 2], 6, 14, 2, Math.fround(Math.SQRT1_2)) },
  ];
  for (const { label, p } of cases) {
    it(`matches the JS float64 path (${label})`, async () => {
      const values = seededWeights(1, p.tensor.shape.reduce((a, b) => a * b, 1), 77);
      const engine = createWasmLinalg(module, { gramStagingBytes: 4096 });
      const wasm = await wasmLayerGrams(engine, { panelBytes: 8 * 5 * 70 })(p, reader(values, 37));
      const js = await computeLayerGrams(p, reader(values, 37));
      expect(wasm.grams.length).toBe(js.grams.length);
      for (let s = 0; s < js.grams.length; s++) {
        const scale = Math.max(...js.grams[s].map(Math.abs));
        for (let i = 0; i < js.grams[s].length; i++) expect(Math.abs(wasm.grams[s][i] - js.grams[s][i])).toBeLessThanOrEqual(1e-14 * scale);
      }
      expect(engine.memoryBytes() === 0 || engine.memoryBytes() <= 32 << 20).toBe(true);
    });
  }
});

describe("computeLayerSpectrum with the WASM engine", () => {
  // each matrix gets an exact zero (a repeated column, or row for the wide ones) and a singular
  // value ≈ 1e-8·σmax (a column that is the float32 sum of two others): both need the refinement
  const cases = [
    { label: "tall dense", p: plan("dense", [90, 40], 90, 40, 1, 1) },
    { label: "wide dense", p: plan("dense", [23, 70], 23, 70, 1, 1) },
    { label: "conv2d, 2×2 slices", p: plan("conv2d", [30, 12, 2, 2], 30, 12, 4, Math.fround(Math.SQRT1_2)) },
  ];
  for (const { label, p } of cases) {
    it(`refines the small end as the JS path does, from the WASM reduction (${label})`, async () => {
      const { rows, cols, rf } = p;
      const values = seededWeights(1, rows * cols * rf, 5);
      const index = (r: number, c: number, s: number) => (rows >= cols ? r * cols + c : c * cols + r) * rf + s;
      for (let k = 0; k < Math.max(rows, cols); k++) {
        for (let s = 0; s < rf; s++) {
          values[index(k, Math.min(rows, cols) - 1, s)] = values[index(k, 0, s)];
          values[index(k, Math.min(rows, cols) - 2, s)] = Math.fround(values[index(k, 1, s)] + values[index(k, 2, s)]);
        }
      }
      for (const twoStageFrom of [1, 1 << 30]) {
        const engine = createWasmLinalg(module, { twoStageFrom, blockSize: 4 });
        const options = { panelBytes: 8 * 5 * cols * rf };
        const wasm = await computeLayerSpectrum(p, reader(values, 41), { ...options, eigvalsh: engine.eigvalsh, grams: wasmLayerGrams(engine, options) });
        const js = await computeLayerSpectrum(p, reader(values, 41), options);
        for (let s = 0; s < rf; s++) {
          expect(Array.from(wasm.numericallyZero[s])).toEqual(Array.from(js.numericallyZero[s]));
          expect(wasm.numericallyZero[s][0]).toBe(1);
          expect(wasm.slices[s][0]).toBe(0);
          // the refined tiny value (σ ≈ 1e-8·σmax, which an SVD itself resolves only to ε·σmax/σ ≈ 2e-8):
          // the two engines' bases differ by the Gram's rounding, their Ritz values by its square
          expect(Math.abs(Math.sqrt(wasm.slices[s][1]) / Math.sqrt(js.slices[s][1]) - 1)).toBeLessThan(1e-8);
          expect(js.slices[s][1] / js.slices[s][js.slices[s].length - 1]).toBeLessThan(1e-12);
        }
        expect(engine.memoryBytes() === 0 || engine.memoryBytes() <= 32 << 20).toBe(true);
      }
    });
  }
});

describe("split-layer parts in WASM", () => {
  const close = (a: Float64Array, b: Float64Array) => {
    expect(a.length).toBe(b.length);
    const scale = Math.max(...b.map(Math.abs));
    for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-14 * scale);
  };

  it("a tall layer's row-range Grams match the JS float64 ones (conv slices, ranges off a row's start)", async () => {
    const p = plan("conv2d", [20, 12, 3, 3], 20, 12, 9, Math.fround(Math.SQRT1_2));
    const values = seededWeights(1, 20 * 12 * 9, 5);
    const engine = createWasmLinalg(module, { gramStagingBytes: 4096 });
    for (const [a, b] of [[0, 7], [7, 8], [8, 20], [3, 3]]) {
      const wasm = await wasmTallGramPartial(engine, p, reader(values, 37), a, b);
      const js = await tallGramPartial(p, reader(values, 37), a, b);
      js.forEach((g, s) => close(wasm[s], g));
    }
  });

  it("a wide layer's panel blocks match the JS ones, the last panel short", async () => {
    const p = plan("conv2d", [11, 30, 1, 2], 11, 30, 2, Math.fround(Math.SQRT1_2));
    const values = seededWeights(1, 11 * 30 * 2, 6);
    const engine = createWasmLinalg(module, { gramStagingBytes: 4096 });
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j <= i; j++) {
        const wasm = await wasmWideGramBlock(engine, p, reader(values, 13), i, j, 4);
        const js = await wideGramBlock(p, reader(values, 13), i, j, 4);
        js.block.forEach((g, s) => close(wasm[s], g));
      }
    }
    await expect(wasmWideGramBlock(engine, p, reader(values, 13), 1, 2, 4)).rejects.toThrow(/not a block/);
  });
});
