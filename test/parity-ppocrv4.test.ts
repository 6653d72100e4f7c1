import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryByteSource, listModelTensors, tensorValueReader, type ByteSource } from "#shared/safetensors";
import { planLayers, type LayerPlan } from "#shared/plan";
import type { LayerColumns } from "#shared/report";
import { computeLayerSpectrum, arrayValueReader, readLayerValues } from "#shared/esd";
import { measureLayer, summarizeLayers, randomizedSpectra, randomReplicaCount, createRng, pooledEigenvalues, allEigenvalues } from "#shared/metrics";
import { fitMarchenkoPastur } from "#shared/fit";
import { expectReferenceRow, readReferenceCsv } from "./helpers/expect-reference-row.ts";

/**
 * Parity with the reference tool (weightwatcher 0.7.5.5, analyze(mp_fit=True)) on a real model:
 * every row of reference.details.csv, every numeric column, and the summary.
 */
const FOLDER = fileURLToPath(new URL("./fixtures/ppocrv4_rec/", import.meta.url));
const RELATIVE_TOLERANCE = 1e-6;

const reference = readReferenceCsv(readFileSync(`${FOLDER}reference.details.csv`, "utf8"));
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
    expectReferenceRow(row, measured.get(name)!);
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

describe("randomization on PP-OCRv4 rec (exact where a shuffle cannot move a column, else statistical: the reference's shuffles are not seeded)", () => {
  const randomizedColumns = async (name: string, seed: number) => {
    const plan = plans.find((p) => p.name === name) as LayerPlan;
    const values = await readLayerValues(plan, tensorValueReader(source, plan.tensor));
    const spectrum = await computeLayerSpectrum(plan, arrayValueReader(values));
    return measureLayer(plan, spectrum, await randomizedSpectra(plan, values, createRng(seed)));
  };
  const referenceRow = (name: string) => reference.find((r) => r.name === name) as Record<string, string>;
  const relativeError = (got: unknown, want: number) => Math.abs((got as number) - want) / Math.abs(want);

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

  // Where the shuffle cannot change what a column measures, the reference's value follows from its
  // own (non-randomized) output, and is compared as every other column is (relative 1e-6).

  it("rand_W_scale is the reference's W_scale on every layer: a shuffle keeps Σλ, so √(k·n)/√(k·Σλ) does not move", async () => {
    for (const row of reference) {
      const c = await randomizedColumns(row.name, 5);
      expect(relativeError(c.rand_W_scale, Number(row.W_scale)), `${row.name}.rand_W_scale`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    }
  });

  const depthwise = reference.filter((r) => r.M === "1").map((r) => r.name);

  it("has depthwise convs with fewer than 100 eigenvalues, which the reference shuffles 5 times", () => {
    expect(depthwise).toHaveLength(8);
    for (const name of depthwise) expect(randomReplicaCount(plans.find((p) => p.name === name) as LayerPlan)).toBe(5);
  });

  it.each(depthwise)("%s (depthwise: each slice a vector, whose norm a shuffle keeps): every randomized column is the reference's", async (name) => {
    const row = referenceRow(name);
    const c = await randomizedColumns(name, 3);
    // the pooled ESD is the layer's, 5 times over: same density, so the same MP fit, and 5× the spikes
    expect(c.rand_num_spikes, `${name}.rand_num_spikes`).toBe(5 * Number(row.num_spikes));
    for (const [ours, theirs] of [
      ["rand_sigma_mp", "sigma_mp"],
      ["rand_mp_softrank", "mp_softrank"],
      ["rand_W_scale", "W_scale"],
      ["rand_bulk_max", "bulk_max"],
      ["rand_bulk_min", "bulk_min"],
      ["rand_lambda_max", "lambda_max"], // max_rand_eval
    ] as const) {
      expect(relativeError(c[ours], Number(row[theirs])), `${name}.${ours} vs ${theirs}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    }
    expect(relativeError(c.ww_softrank, 1)).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    // λmax − max rand is rounding only (the slice norms summed in another order)
    expect(Math.abs(c.ww_maxdist as number)).toBeLessThanOrEqual(1e-12 * Number(row.lambda_max));
    expect(c.rand_distance as number).toBeLessThan(1e-6);
  });

  // Elsewhere the reference's values are draws from the distribution of a uniform shuffle (numpy's
  // unseeded RNG), so no draw of ours can equal them: the shuffle is checked to be uniform
  // (randomized-spectrum.test.ts, χ²), and here what must hold for any draw of the pool.
  const smallLayers = reference.filter((r) => Number(r.M) * Number(r.rf) < 100 && r.M !== "1").map((r) => r.name);

  it.each(smallLayers)("%s (fewer than 100 components): the pool's largest eigenvalue is at least the first shuffle's", async (name) => {
    const c = await randomizedColumns(name, 13);
    const first = (c.ww_softrank as number) * (c.lambda_max as number);
    expect(c.rand_lambda_max as number).toBeGreaterThanOrEqual(first * (1 - 1e-15));
    expect(c.ww_maxdist as number).toBeCloseTo((c.lambda_max as number) - first, 10);
  });

  it.each(["conv2d_106", "conv2d_164"])("%s: rand_num_spikes counts over the whole pool, about 5 times one shuffle's count (10 seeds)", async (name) => {
    // with one shuffle (heavytail before pooling) the count was a fifth of the reference's
    const plan = plans.find((p) => p.name === name) as LayerPlan;
    const values = await readLayerValues(plan, tensorValueReader(source, plan.tensor));
    let pooled = 0;
    let single = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const replicas = await randomizedSpectra(plan, values, createRng(seed));
      pooled += fitMarchenkoPastur(pooledEigenvalues(replicas), plan.N, plan.M).num_spikes;
      single += fitMarchenkoPastur(allEigenvalues(replicas[0]), plan.N, plan.M).num_spikes;
    }
    expect(single).toBeGreaterThan(10);
    expect(pooled / single).toBeGreaterThan(3.5);
    expect(pooled / single).toBeLessThan(7);
  });
});
