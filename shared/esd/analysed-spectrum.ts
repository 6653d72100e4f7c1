import type { LayerPlan } from "../plan/types.ts";
import type { LayerSpectrum } from "./types.ts";

/**
 * The eigenvalues a layer's metrics describe: all of them, except on a `lora_W_plus_AB` layer,
 * where the reference keeps only the r largest (update_peft_layers sets num_components = r, and
 * combined_eigenvalues then takes svd_values(W, k = r)), so W + B·A is judged by its top r.
 */
export function analysedSpectrum(plan: LayerPlan, spectrum: LayerSpectrum): LayerSpectrum {
  if (!plan.merge) return spectrum;
  const r = plan.merge.r;
  // slices are ascending: the r largest are the last r
  return {
    slices: spectrum.slices.map((s) => s.subarray(Math.max(0, s.length - r))),
    numericallyZero: spectrum.numericallyZero.map((z) => z.subarray(Math.max(0, z.length - r))),
  };
}
