import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryByteSource } from "../shared/safetensors/memory-byte-source.ts";
import { listModelTensors } from "../shared/safetensors/list-model-tensors.ts";
import { tensorValueReader } from "../shared/safetensors/tensor-value-reader.ts";
import { planLayers } from "../shared/plan/plan-layers.ts";
import type { LayerPlan } from "../shared/plan/types.ts";
import type { ByteSource } from "../shared/safetensors/types.ts";
import type { LayerColumns } from "../shared/report/schema.ts";
import { computeLayerSpectrum } from "../shared/esd/compute-layer-spectrum.ts";
import { measureLayer } from "../shared/metrics/measure-layer.ts";
import { summarizeLayers } from "../shared/metrics/summarize-layers.ts";
import { randomizedSpectrum } from "../shared/metrics/randomized-spectrum.ts";
import { arrayValueReader } from "../shared/esd/array-value-reader.ts";
import { readLayerValues } from "../shared/esd/read-layer-values.ts";
import { createRng } from "../shared/metrics/create-rng.ts";

/**
 * Parity with the reference tool (weightwatcher 0.7.5.5, analyze(mp_fit=True)) on a real model:
 * every row of reference.details.csv, every numeric column, and the summary.
 */
const FOLDER = fileURLToPath(new URL("./fixtures/ppocrv4_rec/", import.meta.url));
const RELATIVE_TOLERANCE = 1e-6;
const EPSILON = 2.220446049250313e-16;

/** Columns that are counts: compared exactly. */
const COUNTS = new Set(["M", "N", "rf", "num_evals", "rank_loss", "weak_rank_loss", "matrix_rank", "num_pl_spikes", "num_spikes", "layer_id"]);
/** Columns that are not numbers, or not ours (has_esd, longname). */
const TEXT = new Set(["name", "longname", "layer_type", "has_esd", "status", "warning"]);

function readCsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trim().split("\n");
  const columns = head.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i], v])));
}

const reference = readCsv(readFileSync(`${FOLDER}reference.details.csv`, "utf8"));
const referenceSummary = JSON.parse(readFileSync(`${FOLDER}reference.summary.json`, "utf8")) as Record<string, number>;

let source: ByteSource;
let plans: LayerPlan[];
const measured = new Map<string, LayerColumns>();

beforeAll(async () => {
  source = memoryByteSource("model.safetensors", new Uint8Array(readFileSync(`${FOLDER}model.safetensors`)));
  const { tensors } = await listModelTensors({ files: ["model.safetensors"], open: () => source });
  plans = planLayers(tensors).filter((p) => p.skip_reason === undefined);
  for (const plan of plans) {
    // small chunks and panels, so rows are cut mid-way and wide layers take several panels
    const read = tensorValueReader(source, plan.tensor, { chunkBytes: 4093 });
    const spectrum = await computeLayerSpectrum(plan, read, { panelBytes: 1 << 16 });
    measured.set(plan.name, measureLayer(plan, spectrum));
  }
}, 120_000);

describe("parity with weightwatcher 0.7.5.5 on PP-OCRv4 rec", () => {
  it("analyses exactly the reference's layers", () => {
    expect([...measured.keys()].sort()).toEqual(reference.map((r) => r.name).sort());
  });

  it.each(reference.map((row) => [row.name, row] as const))("%s: every column", (name, row) => {
    const ours = measured.get(name) as unknown as Record<string, unknown>;
    for (const [column, text] of Object.entries(row)) {
      if (TEXT.has(column)) continue;
      const want = Number(text);
      const got = ours[column];
      expect(typeof got, `${name}.${column}`).toBe("number");
      if (COUNTS.has(column)) {
        expect(got, `${name}.${column}`).toBe(want);
      } else if (column === "sv_min" && Number(row.rank_loss) > 0) {
        // the reference's value is rounding noise of an exactly rank-deficient matrix (e.g. 7e-34)
        expect(got as number, `${name}.sv_min`).toBeLessThanOrEqual(Number(row.N) * EPSILON * Number(row.sv_max));
      } else {
        // bulk_min is exactly 0 when Q = 1
        const error = want === 0 ? Math.abs(got as number) : Math.abs((got as number) - want) / Math.abs(want);
        expect(error, `${name}.${column}: ${got} vs ${want}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
      }
    }
    expect(ours.layer_type).toBe(row.layer_type);
    expect(ours.status).toBe(row.status);
    expect(ours.warning).toBe(row.warning);
  });

  it("summarises as the reference does", () => {
    const layers = reference.map((r) => measured.get(r.name) as LayerColumns);
    const summary = summarizeLayers(layers);
    for (const [metric, want] of Object.entries(referenceSummary)) {
      const got = summary.reference[metric as keyof typeof summary.reference] as number;
      expect(Math.abs(got - want) / Math.abs(want), metric).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    }
    expect(summary.successful_fits.layers).toBe(41);
    expect(summary.notes).toEqual([]);
    expect(summary.over_trained).toBe(reference.filter((r) => r.warning === "over-trained").length);
  });
});

describe("randomization on PP-OCRv4 rec (statistical: the reference's shuffles are not seeded)", () => {
  const randomizedColumns = async (name: string, seed: number) => {
    const plan = plans.find((p) => p.name === name) as LayerPlan;
    const values = await readLayerValues(plan, tensorValueReader(source, plan.tensor));
    const spectrum = await computeLayerSpectrum(plan, arrayValueReader(values));
    return measureLayer(plan, spectrum, await randomizedSpectrum(plan, values, createRng(seed)));
  };

  it("is reproducible for a seed and varies little between seeds", async () => {
    const a = await randomizedColumns("linear_85", 7);
    const b = await randomizedColumns("linear_85", 7);
    expect(b).toEqual(a);
    const softranks = [];
    for (const seed of [1, 2, 3]) softranks.push((await randomizedColumns("linear_85", seed)).ww_softrank as number);
    expect(Math.max(...softranks) / Math.min(...softranks)).toBeLessThan(1.1);
  });

  it.each(["linear_77", "linear_80", "linear_85", "conv2d_168", "conv2d_180"])(
    "%s: the shuffled matrix looks like a random one with the same entries",
    async (name) => {
      const c = await randomizedColumns(name, 11);
      // the spectra differ, by a moderate Jensen–Shannon distance
      expect(c.rand_distance as number).toBeGreaterThan(0.01);
      expect(c.rand_distance as number).toBeLessThan(0.6);
      // λmax of an i.i.d. matrix with entry variance v is at least about v(√N + √M)² (more when a
      // few entries are large: these layers' entries are heavy-tailed)
      const v = (c.norm as number) / (c.N * c.M);
      const edge = v * (Math.sqrt(c.N) + Math.sqrt(c.M)) ** 2;
      expect((c.rand_lambda_max as number) / edge).toBeGreaterThan(0.8);
      expect(c.ww_softrank as number).toBeGreaterThan(0.1);
      expect(c.ww_softrank as number).toBeLessThan(1.5);
      // shuffling destroys most of the structure that stands out of the MP bulk
      expect(c.rand_num_spikes as number).toBeLessThan(c.num_spikes / 2);
    },
  );

  it("cannot change a depthwise conv: each slice is a vector, whose norm a shuffle keeps", async () => {
    const c = await randomizedColumns("conv2d_169", 3);
    expect(c.ww_softrank as number).toBeCloseTo(1, 12);
    expect(c.rand_distance as number).toBeLessThan(1e-6);
  });
});
