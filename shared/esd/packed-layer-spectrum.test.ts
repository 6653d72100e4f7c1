import { describe, expect, it } from "vitest";
import { compiledLinalgModule } from "../../test/wasm/compiled-linalg.ts";
import { arrayValueReader } from "./array-value-reader.ts";
import { computeLayerSpectrum } from "./compute-layer-spectrum.ts";
import { createWasmLinalg } from "../linalg/wasm/create-wasm-linalg.ts";
import type { LayerPlan } from "../plan/types.ts";
import { packedLayerSpectrum } from "./packed-layer-spectrum.ts";

// in Node, the kernels compiled from the current sources (the Worker imports build/heavytail-linalg.wasm)
const wasm = createWasmLinalg(await compiledLinalgModule());

function dense(rows: number, cols: number): LayerPlan {
  return {
    layer_id: 0, name: "w", layer_type: "dense", rows, cols, rf: 1, N: Math.max(rows, cols), M: Math.min(rows, cols), scale: 1,
    tensor: { name: "w.weight", dtype: "F32", shape: [rows, cols], begin: 0, end: rows * cols * 4, file: "model.safetensors" },
  };
}

function weights(n: number, seed: number, deadRows = 0, cols = 1): Float32Array {
  let s = seed;
  const out = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    // a few dead rows make the layer exactly rank-deficient
    out[k] = Math.floor(k / cols) < deadRows ? 0 : (s / 2 ** 32 - 0.5) * (1 + (k % 7));
  }
  return out;
}

describe("packedLayerSpectrum", () => {
  it.each([
    ["tall", 300, 64, {}],
    ["wide, one panel", 64, 300, {}],
    ["wide, several panels", 90, 250, { panelBytes: 250 * 4 * 16 }],
  ])("gives the float64 path's eigenvalues for a %s layer", async (_name, rows, cols, options) => {
    const plan = dense(rows, cols);
    const values = weights(rows * cols, rows + cols);
    const packed = await packedLayerSpectrum(plan, arrayValueReader(values), wasm, options);
    const full = await computeLayerSpectrum(plan, arrayValueReader(values), { refine: false });
    const lambdaMax = full.slices[0].at(-1)!;
    expect(packed.slices[0].length).toBe(full.slices[0].length);
    let worst = 0;
    packed.slices[0].forEach((x, k) => (worst = Math.max(worst, Math.abs(x - full.slices[0][k]))));
    expect(worst / lambdaMax).toBeLessThan(1e-12);
  });

  it("sets eigenvalues at the noise floor to zero and flags them", async () => {
    const plan = dense(40, 120);
    const spectrum = await packedLayerSpectrum(plan, arrayValueReader(weights(40 * 120, 5, 6, 120)), wasm);
    expect([...spectrum.numericallyZero[0]].filter((z) => z === 1)).toHaveLength(6);
    expect(spectrum.slices[0].slice(0, 6).every((x) => x === 0)).toBe(true);
  });

  it("takes dense layers only", async () => {
    const conv: LayerPlan = { ...dense(8, 8), layer_type: "conv2d", rf: 9, scale: Math.fround(Math.SQRT1_2), tensor: { ...dense(8, 8).tensor, shape: [8, 8, 3, 3] } };
    await expect(packedLayerSpectrum(conv, arrayValueReader(new Float32Array(576)), wasm)).rejects.toThrow(/dense layers only/);
  });
});
