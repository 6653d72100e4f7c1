import type { LayerPlan } from "../plan/types.ts";
import type { LayerSpectrum } from "../esd/types.ts";
import type { Eigvalsh } from "../linalg/eigvalsh.ts";
import type { Rng } from "./create-rng.ts";
import { gramLayout } from "../esd/gram-layout.ts";
import { arrayValueReader } from "../esd/array-value-reader.ts";
import { computeLayerGrams, type GramOptions } from "../esd/compute-layer-grams.ts";
import { spectrumFromGrams } from "../esd/spectrum-from-grams.ts";
import { EsdError } from "../esd/esd-error.ts";

/**
 * The spectrum of the layer with the elements of each matrix (conv2d slice) shuffled uniformly at
 * random (Fisher–Yates driven by `rng`, slice after slice): the ESD a matrix with the same entries
 * but no correlations would have. A uniform permutation needs every element at hand: `values` is
 * the whole tensor in storage order (readLayerValues), and a dense layer's is shuffled in place,
 * so it is the caller's last use of them.
 */
export async function randomizedSpectrum(
  plan: LayerPlan,
  values: Float32Array,
  rng: Rng,
  options: GramOptions & { eigvalsh?: Eigvalsh } = {},
): Promise<LayerSpectrum> {
  const { rows, cols, rf, rowLength } = gramLayout(plan);
  if (values.length !== rows * rowLength) throw new EsdError("reader_mismatch", `the layer has ${rows * rowLength} values, ${values.length} were given`);
  const size = rows * cols;
  // value k of the tensor belongs to slice k mod rf
  const matrices = rf === 1 ? [values] : Array.from({ length: rf }, (_, s) => Float32Array.from({ length: size }, (_, i) => values[i * rf + s]));

  const slicePlan: LayerPlan = { ...plan, layer_type: "dense", rf: 1, tensor: { ...plan.tensor, shape: [rows, cols] } };
  const slices: Float64Array[] = [];
  const numericallyZero: Uint8Array[] = [];
  for (const matrix of matrices) {
    for (let i = size - 1; i > 0; i--) {
      const j = rng.below(i + 1);
      const t = matrix[i];
      matrix[i] = matrix[j];
      matrix[j] = t;
    }
    const { grams } = await computeLayerGrams(slicePlan, arrayValueReader(matrix), options);
    const spectrum = spectrumFromGrams(slicePlan, grams, { eigvalsh: options.eigvalsh });
    slices.push(spectrum.slices[0]);
    numericallyZero.push(spectrum.numericallyZero[0]);
  }
  return { slices, numericallyZero };
}
