import type { LayerPlan } from "../plan/types.ts";
import type { LayerSpectrum } from "../esd/types.ts";
import type { Eigvalsh } from "../linalg/eigvalsh.ts";
import type { Rng } from "./create-rng.ts";
import { computeLayerGrams, type GramOptions } from "../esd/compute-layer-grams.ts";
import { spectrumFromGrams } from "../esd/spectrum-from-grams.ts";
import { EsdError } from "../esd/esd-error.ts";
import { randomReplicaCount } from "./randomized-spectrum.ts";
import { indexPermutation } from "./index-permutation.ts";
import { shuffledProductReader } from "./shuffled-product-reader.ts";

/**
 * The randomized spectra of a lora_BA layer as the reference computes them (apply_random_esd →
 * random_eigenvalues with the layer's num_components = r): in each of randomReplicaCount(plan)
 * shuffles (five when r < 100), the formed out × in product B·A permuted elementwise, which is
 * full rank, and the largest min(r, M) eigenvalues of its Gram kept — as many as the layer's own.
 * The shuffled matrix is streamed into the Gram entry by entry (shuffledProductReader over a
 * seeded indexPermutation), laid out max(out, in) × min(out, in) so that the Gram is one pass
 * of row blocks (a transpose changes neither the shuffle's distribution nor the singular values):
 * memory is the min(out, in)² Gram and its row buffer, never the product.
 */
export async function loraRandomizedSpectra(
  plan: LayerPlan,
  a: Float32Array,
  b: Float32Array,
  rng: Rng,
  options: GramOptions & { eigvalsh?: Eigvalsh } = {},
): Promise<LayerSpectrum[]> {
  if (!plan.lora) throw new EsdError("invalid_plan", `layer ${JSON.stringify(plan.name)} is not a LoRA pair`);
  const { lora, ...rest } = plan;
  const { r, in: inDim, out } = lora;
  const rows = Math.max(out, inDim);
  const cols = Math.min(out, inDim);
  const shuffled: LayerPlan = { ...rest, layer_type: "dense", rows, cols, rf: 1, scale: 1, tensor: { ...plan.tensor, shape: [rows, cols] } };
  const keep = Math.min(r, cols);
  const replicas: LayerSpectrum[] = [];
  for (let replica = randomReplicaCount(plan); replica > 0; replica--) {
    const read = shuffledProductReader(a, b, r, inDim, out, indexPermutation(out * inDim, rng));
    const { grams } = await computeLayerGrams(shuffled, read, options);
    const spectrum = spectrumFromGrams(shuffled, grams, { eigvalsh: options.eigvalsh });
    replicas.push({ slices: [spectrum.slices[0].slice(cols - keep)], numericallyZero: [spectrum.numericallyZero[0].slice(cols - keep)] });
  }
  return replicas;
}
