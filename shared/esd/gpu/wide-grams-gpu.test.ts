import { GPU } from "gpu.js";
import { afterAll, describe, expect, it } from "vitest";
import { computeLayerGrams } from "../compute-layer-grams.ts";
import { gramLayout } from "../gram-layout.ts";
import { createGpuCrossProduct } from "./create-gpu-cross-product.ts";
import { wideGramsGpu } from "./wide-grams-gpu.ts";
import { testLayer } from "../../../test/helpers/test-layer.ts";
import { expectGramWithinFloat32 } from "../../../test/helpers/expect-gram-within-float32.ts";

const gpu = new GPU({ mode: "webasm" });
afterAll(() => gpu.destroy());

describe("wideGramsGpu", () => {
  it("matches the float64 Gram over several panels, column chunks and a short last chunk", async () => {
    const { plan, values, read } = testLayer([20, 300], 11);
    const layout = gramLayout(plan);
    expect(layout.side).toBe("rows");
    // 7 rows per panel (3 panels, the last of 6), 64 columns per chunk (the last of 44)
    const product = createGpuCrossProduct(gpu, { depth: 64, tile: 7 });
    const [gram] = await wideGramsGpu(layout, read, product);
    const { grams: [exact] } = await computeLayerGrams(plan, read);
    expectGramWithinFloat32(layout, values, 0, gram, exact, 64);
  });

  it("holds panels within panelBytes when that is smaller than a tile", async () => {
    const { plan, values, read } = testLayer([9, 50], 12);
    const layout = gramLayout(plan);
    let calls = 0;
    const counting: typeof read = (first, count) => {
      calls++;
      return read(first, count);
    };
    // 2 rows of 50 float64 values per panel: 5 panels, read 5·6/2 = 15 times
    const [gram] = await wideGramsGpu(layout, counting, createGpuCrossProduct(gpu, { depth: 32 }), 2 * 50 * 8);
    expect(calls).toBe(15);
    const { grams: [exact] } = await computeLayerGrams(plan, read);
    expectGramWithinFloat32(layout, values, 0, gram, exact, 32);
  });

  it("keeps one Gram per conv2d slice", async () => {
    const { plan, values, read } = testLayer([5, 40, 1, 2], 13);
    const layout = gramLayout(plan);
    expect(layout).toMatchObject({ side: "rows", rf: 2 });
    const grams = await wideGramsGpu(layout, read, createGpuCrossProduct(gpu, { depth: 16, tile: 3 }));
    const exact = (await computeLayerGrams(plan, read)).grams;
    for (let s = 0; s < 2; s++) expectGramWithinFloat32(layout, values, s, grams[s], exact[s], 16);
  });
});
