import { readFileSync } from "node:fs";
import { GPU } from "gpu.js";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeLayer } from "../../analyze/analyze-layer.ts";
import { planLayers } from "../../plan/plan-layers.ts";
import { listModelTensors } from "../../safetensors/list-model-tensors.ts";
import { memoryByteSource } from "../../safetensors/memory-byte-source.ts";
import { tensorValueReader } from "../../safetensors/tensor-value-reader.ts";
import { computeLayerGrams } from "../compute-layer-grams.ts";
import { createGpuCrossProduct, DEFAULT_DEPTH } from "./create-gpu-cross-product.ts";
import { computeLayerGramsGpu } from "./compute-layer-grams-gpu.ts";
import { gpuColumnDifferences } from "../../../test/helpers/gpu-column-differences.ts";
import { testLayer } from "../../../test/helpers/test-layer.ts";

// gpu.js 'webasm' runs the GPU kernel in IEEE float32 arithmetic (Node has no GL context here);
// its rounding is what a GPU's float32 sums give, so the tolerances below carry over
const gpu = new GPU({ mode: "webasm" });
const product = createGpuCrossProduct(gpu, { depth: DEFAULT_DEPTH });
afterAll(() => {
  product.dispose();
  return gpu.destroy();
});

async function openFixture(folder: string) {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../test/fixtures/${folder}/model.safetensors`, import.meta.url)));
  const source = memoryByteSource("model.safetensors", bytes);
  const { tensors } = await listModelTensors({ files: ["model.safetensors"], open: () => source });
  return { source, plans: planLayers(tensors).filter((p) => p.skip_reason === undefined) };
}

function relative(a: number | null, b: number | null): number {
  return Math.abs((a ?? NaN) - (b ?? NaN)) / Math.abs(b ?? NaN);
}

/** reference.details.csv rows by name: the columns the GPU path is checked against directly */
function referenceRows(): Map<string, { alpha: number; lambda_max: number; log_alpha_norm: number }> {
  const [header, ...lines] = readFileSync(new URL("../../../test/fixtures/ppocrv4_rec/reference.details.csv", import.meta.url), "utf8").trim().split("\n");
  const names = header.split(",");
  const col = (cells: string[], name: string) => cells[names.indexOf(name)];
  return new Map(
    lines.map((line) => {
      const cells = line.split(",");
      return [col(cells, "name"), { alpha: Number(col(cells, "alpha")), lambda_max: Number(col(cells, "lambda_max")), log_alpha_norm: Number(col(cells, "log_alpha_norm")) }];
    }),
  );
}

describe("computeLayerGramsGpu", () => {
  it("returns the Grams, their layout and what it held, for tall and wide layers", async () => {
    for (const shape of [[40, 12], [12, 40]]) {
      const { plan, read } = testLayer(shape, 3);
      const got = await computeLayerGramsGpu(plan, read, product, { panelBytes: 1024 });
      const exact = await computeLayerGrams(plan, read);
      expect(got.layout).toEqual(exact.layout);
      expect(got.grams).toHaveLength(1);
      expect(got.grams[0]).toHaveLength(144);
      got.grams[0].forEach((g, k) => expect(Math.abs(g - exact.grams[0][k])).toBeLessThanOrEqual(1e-4 * Math.abs(exact.grams[0][k]) + 1e-6));
      expect(got.allocatedBytes).toBeGreaterThanOrEqual(8 * 144);
    }
  });

  describe.each(["ppocrv4_rec", "tesseract_eng_lstm"])("on the real fixture %s, through analyzeLayer", (folder) => {
    it(
      "keeps every column within GPU_COLUMN_TOLERANCES of the float64 path (α, λmax, log α-norm within 1e-6), rank counts exact",
      async () => {
        const { source, plans } = await openFixture(folder);
        // ppocrv4_rec also has the reference tool's own output: the GPU path meets its 1e-6 directly
        const reference = folder === "ppocrv4_rec" ? referenceRows() : null;
        const options = { randomize: false, seed: 0 };
        let worst = 0;
        for (const plan of plans) {
          const read = tensorValueReader(source, plan.tensor);
          const exact = await analyzeLayer(plan, read, options);
          const got = await analyzeLayer(plan, read, { ...options, grams: (p, r) => computeLayerGramsGpu(p, r, product) });
          expect(gpuColumnDifferences(got, exact)).toEqual([]);
          for (const column of ["alpha", "lambda_max", "log_alpha_norm"] as const) {
            worst = Math.max(worst, relative(got[column], exact[column]));
            if (reference) expect(relative(got[column], reference.get(plan.name)![column]), `${plan.name} ${column} vs the reference`).toBeLessThanOrEqual(1e-6);
          }
        }
        expect(plans.length).toBeGreaterThan(15);
        // the float32 sums do move the numbers, so the bounds are not met trivially
        expect(worst).toBeGreaterThan(1e-9);
        expect(worst).toBeLessThanOrEqual(1e-6);
      },
      240_000,
    );
  });
});
