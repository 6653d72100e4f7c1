import type { LayerPlan } from "../plan/types.ts";
import type { LayerSpectrum, ValueReader } from "./types.ts";
import type { Eigvalsh } from "../linalg/eigvalsh.ts";
import { computeLayerGrams } from "./compute-layer-grams.ts";
import { spectrumFromGrams } from "./spectrum-from-grams.ts";
import { refineSmallSingularValues, type RefineOptions } from "./refine-small-singular-values.ts";

export interface SpectrumOptions extends RefineOptions {
  eigvalsh?: Eigvalsh;
  /** refine the small end of the spectrum against the weights (default true; costs extra passes on the few layers that need it) */
  refine?: boolean;
  /**
   * computes the Grams in place of computeLayerGrams, e.g. on a GPU (shared/esd/gpu/); the
   * refinement of the small end still accumulates its own float64 Gram
   */
  grams?: (plan: LayerPlan, read: ValueReader) => Promise<{ grams: Float64Array[] }>;
}

/**
 * A layer's spectrum from its streamed values: the Grams of the smaller side, their eigenvalues,
 * then, where some are too small for the Gram to resolve, a refinement of those against the
 * weights (refineSmallSingularValues).
 */
export async function computeLayerSpectrum(plan: LayerPlan, read: ValueReader, options: SpectrumOptions = {}): Promise<LayerSpectrum> {
  const { grams } = await (options.grams ? options.grams(plan, read) : computeLayerGrams(plan, read, options));
  const spectrum = spectrumFromGrams(plan, grams, { eigvalsh: options.eigvalsh });
  return options.refine === false ? spectrum : refineSmallSingularValues(plan, read, spectrum, options);
}
