import { GPU } from "gpu.js";
import { afterAll, describe, expect, it } from "vitest";
import { computeLayerGrams } from "../compute-layer-grams.ts";
import { gramLayout } from "../gram-layout.ts";
import type { ValueReader } from "../types.ts";
import { createGpuCrossProduct } from "./create-gpu-cross-product.ts";
import { tallGramsGpu } from "./tall-grams-gpu.ts";
import { testLayer } from "../../../test/helpers/test-layer.ts";
import { expectGramWithinFloat32 } from "../../../test/helpers/expect-gram-within-float32.ts";

const gpu = new GPU({ mode: "webasm" });
afterAll(() => gpu.destroy());

describe("tallGramsGpu", () => {
  it("matches the float64 Gram to float32 rounding over several row blocks, a short last block and several tiles", async () => {
    const { plan, values, read } = testLayer([300, 24], 7);
    const layout = gramLayout(plan);
    const product = createGpuCrossProduct(gpu, { depth: 64, tile: 10 });
    const [gram] = await tallGramsGpu(layout, read, product);
    const { grams: [exact] } = await computeLayerGrams(plan, read);
    expectGramWithinFloat32(layout, values, 0, gram, exact, 64);
    expect(gram).not.toEqual(exact); // float32 sums do differ: the comparison above has something to check
  });

  it("scales conv2d slices in float32 and keeps one Gram per slice", async () => {
    const { plan, values, read } = testLayer([40, 6, 3, 3], 8);
    const layout = gramLayout(plan);
    expect(layout).toMatchObject({ side: "columns", rf: 9, rows: 40, cols: 6 });
    const grams = await tallGramsGpu(layout, read, createGpuCrossProduct(gpu, { depth: 16 }));
    const exact = (await computeLayerGrams(plan, read)).grams;
    expect(grams).toHaveLength(9);
    for (let s = 0; s < 9; s++) expectGramWithinFloat32(layout, values, s, grams[s], exact[s], 16);
  });

  it("is exact when one block's float32 sums are exact (small integers)", async () => {
    const { plan } = testLayer([5, 3], 1);
    const layout = gramLayout(plan);
    const integers = Float32Array.from({ length: 15 }, (_, k) => (k % 7) - 3);
    const readIntegers: ValueReader = async function* (first, count) {
      yield integers.subarray(first, first + count);
    };
    const [gram] = await tallGramsGpu(layout, readIntegers, createGpuCrossProduct(gpu, { depth: 2 }));
    const { grams: [exact] } = await computeLayerGrams(plan, readIntegers);
    expect(gram).toEqual(exact);
  });

  it("rejects a reader that delivers too few or too many values", async () => {
    const { plan } = testLayer([12, 4], 2);
    const layout = gramLayout(plan);
    const product = createGpuCrossProduct(gpu, { depth: 4 });
    const short: ValueReader = async function* () {
      yield new Float32Array(47);
    };
    const long: ValueReader = async function* () {
      yield new Float32Array(40);
      yield new Float32Array(9);
    };
    await expect(tallGramsGpu(layout, short, product)).rejects.toMatchObject({ code: "reader_mismatch", message: "reader delivered 47 of the 48 values asked for" });
    await expect(tallGramsGpu(layout, long, product)).rejects.toMatchObject({ code: "reader_mismatch" });
  });
});
