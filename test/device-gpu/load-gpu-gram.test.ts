import { describe, expect, it } from "vitest";
import { arrayValueReader, computeLayerGrams } from "#shared/esd";
import { planLayers } from "#shared/plan";
import { loadGpuGram } from "../../scripts/device-gpu/load-gpu-gram.ts";

describe("loadGpuGram", () => {
  it("offers a GPU that computes the Gram, or says plainly why there is none", async () => {
    const loaded = await loadGpuGram();
    if (loaded.gram === null) {
      // this machine: no headless-gl build and no usable Dawn — gpu.js's webasm fallback is not a GPU
      expect(loaded.reason).toMatch(/^no GPU: gpu\.js would run on its (webasm|cpu) backend \(headless-gl is not built\), and /);
      return;
    }
    try {
      expect(loaded.gram.engine).toMatch(/^gpu\.js-(webgpu|headless-gl)-f32x256$/);
      const values = Float32Array.from({ length: 600 }, (_, k) => Math.sin(k * 0.37));
      const [plan] = planLayers([{ name: "w.weight", dtype: "F32", shape: [30, 20], begin: 8, end: 2408, file: "m.safetensors" }]);
      const read = arrayValueReader(values);
      const { grams } = await loaded.gram.grams(plan, read);
      const exact = (await computeLayerGrams(plan, read)).grams[0];
      grams[0].forEach((g, k) => expect(Math.abs(g - exact[k])).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(exact[k]))));
    } finally {
      await loaded.gram.dispose();
    }
  });
});
