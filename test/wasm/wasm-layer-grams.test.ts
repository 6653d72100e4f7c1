import { beforeAll, describe, expect, it } from "vitest";
import { createWasmLinalg } from "../../shared/linalg/wasm/create-wasm-linalg.ts";
import { wasmLayerGrams } from "../../shared/linalg/wasm/wasm-layer-grams.ts";
import { computeLayerGrams } from "../../shared/esd/compute-layer-grams.ts";
import type { LayerPlan } from "../../shared/plan/types.ts";
import type { ValueReader } from "../../shared/esd/types.ts";
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
