import type { ValueReader } from "../esd/types.ts";
import type { Eigvalsh } from "../linalg/eigvalsh.ts";
import type { LoraGrams } from "../linalg/lora-grams.ts";
import type { LayerPlan } from "../plan/types.ts";
import type { AnalysedLayer } from "../report/schema.ts";
import { arrayValueReader } from "../esd/array-value-reader.ts";
import { computeLayerSpectrum, type SpectrumOptions } from "../esd/compute-layer-spectrum.ts";
import { analysedSpectrum } from "../esd/analysed-spectrum.ts";
import { readLayerValues } from "../esd/read-layer-values.ts";
import { randomizedSpectra } from "../metrics/randomized-spectrum.ts";
import { measureLayer } from "../metrics/measure-layer.ts";
import { compactEsd } from "../metrics/compact-esd.ts";
import { createRng } from "../metrics/create-rng.ts";
import { layerSeed } from "./layer-seed.ts";
import { analyzeLoraLayer } from "./analyze-lora-layer.ts";
import { frobeniusNorm } from "../delta/frobenius-norm.ts";

export interface AnalyzeLayerOptions {
  randomize: boolean;
  seed: number;
  eigvalsh?: Eigvalsh;
  /** computes the Grams of the layer's spectrum in place of the float64 path (a GPU: shared/esd/gpu/) */
  grams?: SpectrumOptions["grams"];
  /** computes a lora_BA layer's two r × r Grams on the engine (wasmLoraGrams); the float64 JS loops when absent */
  loraGrams?: LoraGrams;
  /**
   * hold the layer's values (4 bytes each) in memory when they take at most this many bytes, so
   * the source is read once although wide layers' panels and the small-end refinement go over the
   * values again; a randomized layer is always held (its shuffle needs every value)
   */
  holdValuesBytes?: number;
}

/** One layer, from its streamed values to every reported column and its compact ESD. */
export async function analyzeLayer(plan: LayerPlan, read: ValueReader, options: AnalyzeLayerOptions): Promise<AnalysedLayer> {
  if (plan.lora) return analyzeLoraLayer(plan, read, options);
  const valueBytes = 4 * plan.tensor.shape.reduce((p, d) => p * d, 1);
  const held = options.randomize || valueBytes <= (options.holdValuesBytes ?? 0) ? await readLayerValues(plan, read) : null;
  const spectrum = analysedSpectrum(plan, await computeLayerSpectrum(plan, held ? arrayValueReader(held) : read, { eigvalsh: options.eigvalsh, grams: options.grams }));
  const randomized = options.randomize
    ? (await randomizedSpectra(plan, held!, createRng(layerSeed(options.seed, plan.layer_id)), { eigvalsh: options.eigvalsh })).map((r) => analysedSpectrum(plan, r))
    : undefined;
  const columns = measureLayer(plan, spectrum, randomized);
  // a delta layer's read yields W − W_base: its distance is the reference's delta_W (docs/metrics.md §11)
  const count = plan.tensor.shape.reduce((p, d) => p * d, 1);
  const delta = plan.base ? { delta_W: await frobeniusNorm(held ? arrayValueReader(held) : read, count) } : {};
  return {
    ...columns,
    ...delta,
    shape: plan.tensor.shape,
    dtype: plan.tensor.dtype,
    // one replica, so its histogram counts as many eigenvalues as the layer's own
    esd: compactEsd(spectrum, columns, randomized?.[0]),
  };
}
