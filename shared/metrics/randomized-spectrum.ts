import type { LayerPlan } from "../plan/types.ts";
import type { LayerSpectrum } from "../esd/types.ts";
import type { Eigvalsh } from "../linalg/eigvalsh.ts";
import type { Rng } from "./create-rng.ts";
import { gramLayout } from "../esd/gram-layout.ts";
import { arrayValueReader } from "../esd/array-value-reader.ts";
import { computeLayerGrams, type GramOptions } from "../esd/compute-layer-grams.ts";
import { spectrumFromGrams } from "../esd/spectrum-from-grams.ts";
import { EsdError } from "../esd/esd-error.ts";
import { splitSlices } from "../esd/split-slices.ts";

/** Below this many components (the reference's n_comp = M·rf) one shuffle gives too few eigenvalues for an MP fit. */
const FEW_COMPONENTS = 100;
const REPLICAS_WHEN_FEW = 5;

/**
 * replicas = 5 if n_comp < 100 else 1: how many shuffles the reference pools into a layer's
 * randomized ESD (weightwatcher 0.7.5.5 apply_random_esd). n_comp is M·rf, M the reference's M
 * (swap quirk included); a lora_BA layer's is its rank r (update_peft_layers' num_components).
 */
export function randomReplicaCount(plan: LayerPlan): number {
  // a LoRA layer's n_comp is r: lora_BA's and lora_W_plus_AB's alike (update_peft_layers)
  const components = plan.lora ? plan.lora.r : plan.merge ? plan.merge.r : plan.M * plan.rf;
  return components < FEW_COMPONENTS ? REPLICAS_WHEN_FEW : 1;
}

/** Fisher–Yates driven by `rng`: a uniform permutation of `values`, whatever order they start in. */
export function shuffleInPlace(values: Float32Array, rng: Rng): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
}

/**
 * The spectra of `randomReplicaCount(plan)` independent shuffles of the layer: in each, the
 * elements of every matrix (conv2d slice) are permuted uniformly at random, slice after slice, as
 * the reference loops (replicas outer, slices inner): the ESD a matrix with the same entries but no
 * correlations would have. A uniform permutation needs every element at hand: `values` is the whole
 * tensor in storage order (readLayerValues), and a dense layer's is shuffled in place, so it is the
 * caller's last use of them. Each replica shuffles the previous one's order again, which is as
 * uniform and independent as shuffling the original.
 */
export async function randomizedSpectra(
  plan: LayerPlan,
  values: Float32Array,
  rng: Rng,
  options: GramOptions & { eigvalsh?: Eigvalsh } = {},
): Promise<LayerSpectrum[]> {
  const { rows, cols, rf, rowLength } = gramLayout(plan);
  if (values.length !== rows * rowLength) throw new EsdError("reader_mismatch", `the layer has ${rows * rowLength} values, ${values.length} were given`);
  const size = rows * cols;
  // value k of the tensor belongs to slice k mod rf
  const matrices = rf === 1 ? [values] : Array.from({ length: rf }, () => new Float32Array(size));
  if (rf > 1) splitSlices(values, 0, values.length, 0, 1, matrices, new Array<number>(rf).fill(0));

  const slicePlan: LayerPlan = { ...plan, layer_type: "dense", rf: 1, tensor: { ...plan.tensor, shape: [rows, cols] } };
  const replicas: LayerSpectrum[] = [];
  for (let r = randomReplicaCount(plan); r > 0; r--) {
    const slices: Float64Array[] = [];
    const numericallyZero: Uint8Array[] = [];
    for (const matrix of matrices) {
      shuffleInPlace(matrix, rng);
      const { grams } = await computeLayerGrams(slicePlan, arrayValueReader(matrix), options);
      const spectrum = spectrumFromGrams(slicePlan, grams, { eigvalsh: options.eigvalsh });
      slices.push(spectrum.slices[0]);
      numericallyZero.push(spectrum.numericallyZero[0]);
    }
    replicas.push({ slices, numericallyZero });
  }
  return replicas;
}
