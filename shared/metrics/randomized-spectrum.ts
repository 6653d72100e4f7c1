import type { LayerPlan } from "../plan/types.ts";
import type { LayerSpectrum, ValueReader } from "../esd/types.ts";
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
 * but no correlations would have. A uniform permutation needs every element at hand, so unlike
 * computeLayerSpectrum this holds the layer's values (4 bytes each) besides one Gram.
 */
export async function randomizedSpectrum(
  plan: LayerPlan,
  read: ValueReader,
  rng: Rng,
  options: GramOptions & { eigvalsh?: Eigvalsh } = {},
): Promise<LayerSpectrum> {
  const { rows, cols, rf, rowLength } = gramLayout(plan);
  const size = rows * cols;
  const matrices = Array.from({ length: rf }, () => new Float32Array(size));
  let at = 0;
  for await (const chunk of read(0, rows * rowLength)) {
    if (at + chunk.length > rows * rowLength) throw new EsdError("reader_mismatch", `reader delivered more than the ${rows * rowLength} values asked for`);
    for (let k = 0; k < chunk.length; k++, at++) matrices[at % rf][Math.floor(at / rf)] = chunk[k];
  }
  if (at !== rows * rowLength) throw new EsdError("reader_mismatch", `reader delivered ${at} of the ${rows * rowLength} values asked for`);

  const slicePlan: LayerPlan = { ...plan, layer_type: "dense", rf: 1, tensor: { ...plan.tensor, shape: [rows, cols] } };
  const slices: Float64Array[] = [];
  const numericallyZero: Uint8Array[] = [];
  for (const values of matrices) {
    for (let i = size - 1; i > 0; i--) {
      const j = rng.below(i + 1);
      const t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
    const { grams } = await computeLayerGrams(slicePlan, arrayValueReader(values), options);
    const spectrum = spectrumFromGrams(slicePlan, grams, { eigvalsh: options.eigvalsh });
    slices.push(spectrum.slices[0]);
    numericallyZero.push(spectrum.numericallyZero[0]);
  }
  return { slices, numericallyZero };
}
