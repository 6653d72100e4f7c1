import type { ValueReader } from "../esd/types.ts";
import type { Eigvalsh } from "../linalg/eigvalsh.ts";
import type { LoraGrams } from "../linalg/lora-grams.ts";
import type { LayerPlan } from "../plan/types.ts";
import type { AnalysedLayer } from "../report/schema.ts";
import { EsdError } from "../esd/esd-error.ts";
import { zeroBelowNoiseFloor } from "../esd/spectrum-from-grams.ts";
import { loraEigenvalues } from "../linalg/lora-eigenvalues.ts";
import { measureLayer } from "../metrics/measure-layer.ts";
import { compactEsd } from "../metrics/compact-esd.ts";
import { createRng } from "../metrics/create-rng.ts";
import { loraRandomizedSpectra } from "../metrics/lora-randomized-spectra.ts";
import { readValues } from "../esd/read-layer-values.ts";
import { layerSeed } from "./layer-seed.ts";

export interface AnalyzeLoraLayerOptions {
  randomize: boolean;
  seed: number;
  eigvalsh?: Eigvalsh;
  /** the engine's kernel for the two r × r Grams; the float64 JS loops when absent */
  loraGrams?: LoraGrams;
}

/**
 * A LoRA adapter's lora_BA layer (docs/metrics.md §10): both matrices read in one pass over the
 * layer's byte range (float32, exact for what storage holds), the min(r, M) nonzero eigenvalues of
 * (BA)ᵀ(BA) found without forming B·A, then the same columns as any layer from them. Randomized,
 * the reference's shuffles of the formed B·A, whose Grams stream its entries (loraRandomizedSpectra)
 * with the layer's own seed.
 */
export async function analyzeLoraLayer(plan: LayerPlan, read: ValueReader, options: AnalyzeLoraLayerOptions): Promise<AnalysedLayer> {
  const lora = plan.lora;
  if (!lora) throw new EsdError("invalid_plan", `layer ${JSON.stringify(plan.name)} is not a LoRA pair`);
  const { r, in: inDim, out } = lora;
  const total = r * inDim + out * r;
  const values = await readValues(read, total, Float32Array);
  const a = values.subarray(lora.aOffset, lora.aOffset + r * inDim);
  const b = values.subarray(lora.bOffset, lora.bOffset + out * r);
  const eigenvalues = Float64Array.from(loraEigenvalues(r, inDim, out, a, b, options.eigvalsh, options.loraGrams));
  const spectrum = { slices: [eigenvalues], numericallyZero: [zeroBelowNoiseFloor(eigenvalues)] };
  const randomized = options.randomize
    ? await loraRandomizedSpectra(plan, a, b, createRng(layerSeed(options.seed, plan.layer_id)), { eigvalsh: options.eigvalsh })
    : undefined;
  const columns = measureLayer(plan, spectrum, randomized);
  // one replica, so its histogram counts as many eigenvalues as the layer's own
  return { ...columns, shape: plan.tensor.shape, dtype: plan.tensor.dtype, esd: compactEsd(spectrum, columns, randomized?.[0]) };
}
