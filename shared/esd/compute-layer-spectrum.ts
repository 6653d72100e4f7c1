import type { LayerPlan } from "../plan/types.ts";
import type { LayerSpectrum, ValueReader } from "./types.ts";
import type { Eigvalsh } from "../linalg/eigvalsh.ts";
import { computeLayerGrams, type GramPrecision } from "./compute-layer-grams.ts";
import { spectrumFromGrams } from "./spectrum-from-grams.ts";
import { gramLayout } from "./gram-layout.ts";
import { planSmallEnd, refineSmallSingularValues, smallEndBasis, type RefineOptions } from "./refine-small-singular-values.ts";

export interface SpectrumOptions extends RefineOptions {
  eigvalsh?: Eigvalsh;
  /** refine the small end of the spectrum against the weights (default true; costs extra passes on the few layers that need it) */
  refine?: boolean;
  /**
   * computes the Grams in place of computeLayerGrams, e.g. on a GPU (shared/esd/gpu/); the
   * refinement of the small end works from the eigensolver's reduction of these Grams when they
   * are float64 sums (precision absent or "float64"), else from a float64 Gram of its own
   */
  grams?: (plan: LayerPlan, read: ValueReader) => Promise<{ grams: Float64Array[]; precision?: GramPrecision }>;
}

/**
 * A layer's spectrum from its streamed values: the Grams of the smaller side, their eigenvalues,
 * then, where some are too small for the Gram to resolve, a refinement of those against the
 * weights (refineSmallSingularValues). The refinement's basis comes from the eigensolver's own
 * reduction of the Gram (eigvalsh.reduce), taken slice by slice while it exists, so the Gram is
 * neither accumulated nor factored a second time (float32 Grams excepted).
 */
export async function computeLayerSpectrum(plan: LayerPlan, read: ValueReader, options: SpectrumOptions = {}): Promise<LayerSpectrum> {
  const computed = await (options.grams ? options.grams(plan, read) : computeLayerGrams(plan, read, options));
  let grams = computed.grams;
  if (options.refine === false) return spectrumFromGrams(plan, grams, { eigvalsh: options.eigvalsh });
  if (computed.precision === "float32") return refineSmallSingularValues(plan, read, spectrumFromGrams(plan, grams, { eigvalsh: options.eigvalsh }), options);
  const { order } = gramLayout(plan);
  const bases: (Float64Array[] | null | undefined)[] = [];
  const spectrum = spectrumFromGrams(plan, grams, {
    eigvalsh: options.eigvalsh,
    withReduction: (slice, values, reduction) => {
      const p = planSmallEnd(plan, slice, values, options);
      if (p) bases[slice] = smallEndBasis(reduction, order, p);
    },
  });
  grams = []; // our reference only: the Grams are not needed while the weights are streamed again
  return refineSmallSingularValues(plan, read, spectrum, { ...options, bases });
}
