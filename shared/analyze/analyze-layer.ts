import type { ValueReader } from "../esd/types.ts";
import type { Eigvalsh } from "../linalg/eigvalsh.ts";
import type { LayerPlan } from "../plan/types.ts";
import type { AnalysedLayer } from "../report/schema.ts";
import { computeLayerSpectrum, type SpectrumOptions } from "../esd/compute-layer-spectrum.ts";
import { randomizedSpectrum } from "../metrics/randomized-spectrum.ts";
import { measureLayer } from "../metrics/measure-layer.ts";
import { compactEsd } from "../metrics/compact-esd.ts";
import { createRng } from "../metrics/create-rng.ts";
import { layerSeed } from "./layer-seed.ts";

export interface AnalyzeLayerOptions {
  randomize: boolean;
  seed: number;
  eigvalsh?: Eigvalsh;
  /** computes the Grams of the layer's spectrum in place of the float64 path (a GPU: shared/esd/gpu/) */
  grams?: SpectrumOptions["grams"];
}

/** One layer, from its streamed values to every reported column and its compact ESD. */
export async function analyzeLayer(plan: LayerPlan, read: ValueReader, options: AnalyzeLayerOptions): Promise<AnalysedLayer> {
  const spectrum = await computeLayerSpectrum(plan, read, { eigvalsh: options.eigvalsh, grams: options.grams });
  const randomized = options.randomize
    ? await randomizedSpectrum(plan, read, createRng(layerSeed(options.seed, plan.layer_id)), { eigvalsh: options.eigvalsh })
    : undefined;
  const columns = measureLayer(plan, spectrum, randomized);
  return {
    ...columns,
    shape: plan.tensor.shape,
    dtype: plan.tensor.dtype,
    esd: compactEsd(spectrum, columns, randomized),
  };
}
