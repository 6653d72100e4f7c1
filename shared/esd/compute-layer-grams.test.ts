import { describe, expect, it } from "vitest";
import type { LayerPlan } from "../plan/types.ts";
import type { ValueReader } from "./types.ts";
import { planLayers } from "../plan/plan-layers.ts";
import { createRng } from "../metrics/create-rng.ts";
import { computeLayerGrams } from "./compute-layer-grams.ts";
import { arrayValueReader } from "./array-value-reader.ts";
import { tallGramPartial } from "./tall-gram-partial.ts";
import { sumGrams } from "../../test/helpers/sum-grams.ts";
import { wideGramBlock, type WideGramBlock } from "./wide-gram-block.ts";
import { assembleWideGram } from "../../test/helpers/assemble-wide-gram.ts";
import { panelRows } from "./panel-rows.ts";
import { gramLayout } from "./gram-layout.ts";
import { EsdError } from "./esd-error.ts";

function planFor(shape: number[]): LayerPlan {
  const count = shape.reduce((p, d) => p * d, 1);
  return planLayers([{ name: "layer.weight", dtype: "F32", shape, begin: 0, end: 4 * count, file: "model.safetensors" }])[0];
}

function values(count: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: count }, () => rng.uniform() * 2 - 1);
}

/** W_s as float64 rows × cols for slice s (conv2d values scaled by √½ in float32 first) */
function slice(plan: LayerPlan, v: Float32Array, s: number): Float64Array {
  const out = new Float64Array(plan.rows * plan.cols);
  for (let r = 0; r < plan.rows; r++) {
    for (let c = 0; c < plan.cols; c++) {
      const x = v[(r * plan.cols + c) * plan.rf + s];
      out[r * plan.cols + c] = plan.scale === 1 ? x : Math.fround(x * plan.scale);
    }
  }
  return out;
}

/** WᵀW or WWᵀ, whichever is smaller, straight from the definition */
function naiveGram(w: Float64Array, rows: number, cols: number): Float64Array {
  const tall = rows >= cols;
  const m = Math.min(rows, cols);
  const g = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < (tall ? rows : cols); k++) s += tall ? w[k * cols + i] * w[k * cols + j] : w[i * cols + k] * w[j * cols + k];
      g[i * m + j] = s;
    }
  }
  return g;
}

function maxRelativeError(got: Float64Array, want: Float64Array): number {
  const scale = Math.max(...want.map(Math.abs));
  return Math.max(...got.map((x, i) => Math.abs(x - want[i]))) / scale;
}

/** a reader that records how many values each call asks for */
function recordingReader(v: Float32Array, chunk: number): { read: ValueReader; counts: number[] } {
  const counts: number[] = [];
  const inner = arrayValueReader(v, chunk);
  return { counts, read: (first, count) => (counts.push(count), inner(first, count)) };
}

describe("computeLayerGrams", () => {
  it("builds WᵀW of a tall matrix, whatever the chunks (rows cut anywhere)", async () => {
    const plan = planFor([70, 24]);
    const v = values(70 * 24, 1);
    const want = naiveGram(slice(plan, v, 0), 70, 24);
    const results = [];
    for (const chunk of [1, 7, 25, 1 << 20]) {
      const { grams } = await computeLayerGrams(plan, arrayValueReader(v, chunk), { blockRows: 16 });
      expect(maxRelativeError(grams[0], want)).toBeLessThan(1e-14);
      results.push(grams[0]);
    }
    for (const g of results) expect(g).toEqual(results[0]);
  });

  it("builds WWᵀ of a wide matrix from row panels, the same for every panel size", async () => {
    const plan = planFor([30, 200]);
    const v = values(30 * 200, 2);
    const want = naiveGram(slice(plan, v, 0), 30, 200);
    const one = await computeLayerGrams(plan, arrayValueReader(v, 333));
    expect(maxRelativeError(one.grams[0], want)).toBeLessThan(1e-14);
    const many = await computeLayerGrams(plan, arrayValueReader(v, 333), { panelBytes: 7 * 200 * 8 });
    expect(many.grams[0]).toEqual(one.grams[0]);
  });

  it("holds a wide layer's Gram plus two panels and never asks the reader for more than a panel", async () => {
    const [rows, cols] = [40, 500];
    const plan = planFor([rows, cols]);
    const panelBytes = 6 * cols * 8;
    const p = panelRows(gramLayout(plan), panelBytes);
    expect(p).toBe(6);
    const { read, counts } = recordingReader(values(rows * cols, 3), 97);
    const { allocatedBytes } = await computeLayerGrams(plan, read, { panelBytes });
    expect(allocatedBytes).toBeLessThanOrEqual(8 * rows * rows + 2 * panelBytes);
    expect(Math.max(...counts)).toBeLessThanOrEqual(p * cols);
    const panels = Math.ceil(rows / p);
    expect(counts.length).toBe((panels * (panels + 1)) / 2);
  });

  it("slices conv2d tensors as T[:, :, a, b], scaled by √½ in float32, one Gram per slice", async () => {
    for (const shape of [[9, 4, 2, 3], [3, 8, 3, 1]]) {
      const plan = planFor(shape);
      const v = values(shape.reduce((p, d) => p * d), 4);
      const { grams } = await computeLayerGrams(plan, arrayValueReader(v, 5), { panelBytes: 2 * 8 * plan.cols * plan.rf });
      expect(grams.length).toBe(plan.rf);
      grams.forEach((g, s) => expect(maxRelativeError(g, naiveGram(slice(plan, v, s), plan.rows, plan.cols))).toBeLessThan(1e-14));
    }
  });

  it("reports the tall accumulator's memory: Grams plus the row block, independent of the row count", async () => {
    const small = await computeLayerGrams(planFor([50, 8]), arrayValueReader(values(400, 5)), { blockRows: 4 });
    const large = await computeLayerGrams(planFor([5000, 8]), arrayValueReader(values(40000, 5)), { blockRows: 4 });
    expect(small.allocatedBytes).toBe(8 * (8 * 8 + 8 * 4));
    expect(large.allocatedBytes).toBe(small.allocatedBytes);
  });

  it("fails clearly when the reader delivers too few or too many values", async () => {
    const plan = planFor([10, 4]);
    const short: ValueReader = async function* () {
      yield new Float32Array(39);
    };
    const long: ValueReader = async function* () {
      yield new Float32Array(41);
    };
    for (const read of [short, long]) {
      await expect(computeLayerGrams(plan, read)).rejects.toMatchObject({ code: "reader_mismatch" });
    }
    await expect(computeLayerGrams({ ...plan, rows: 11 }, short)).rejects.toBeInstanceOf(EsdError);
  });
});

describe("split layers", () => {
  it("partial Grams over row ranges add up to the tall layer's Gram", async () => {
    const plan = planFor([90, 12]);
    const v = values(90 * 12, 6);
    const read = arrayValueReader(v, 11);
    const full = (await computeLayerGrams(plan, read)).grams;
    const parts = await Promise.all([[0, 31], [31, 32], [32, 90]].map(([a, b]) => tallGramPartial(plan, read, a, b)));
    expect(maxRelativeError(sumGrams(parts)[0], full[0])).toBeLessThan(1e-14);
  });

  it("panel-pair blocks assemble into the wide layer's Gram", async () => {
    const plan = planFor([13, 40, 1, 2]);
    const v = values(13 * 40 * 2, 7);
    const read = arrayValueReader(v, 9);
    const p = 4;
    const full = (await computeLayerGrams(plan, read, { panelBytes: p * 40 * 2 * 8 })).grams;
    const blocks: WideGramBlock[] = [];
    for (let i = 0; i < 4; i++) for (let j = 0; j <= i; j++) blocks.push(await wideGramBlock(plan, read, i, j, p));
    expect(assembleWideGram(plan, blocks, p)).toEqual(full);
    expect(() => assembleWideGram(plan, blocks.slice(1), p)).toThrow(EsdError);
    await expect(wideGramBlock(plan, read, 1, 2, p)).rejects.toBeInstanceOf(EsdError);
  });
});
