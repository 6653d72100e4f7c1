import type { ValueReader } from "../esd/types.ts";
import type { Eigvalsh } from "../linalg/eigvalsh.ts";
import type { LayerPlan } from "../plan/types.ts";
import type { AnalysedLayer } from "../report/schema.ts";
import { EsdError } from "../esd/esd-error.ts";
import { zeroBelowNoiseFloor } from "../esd/spectrum-from-grams.ts";
import { loraEigenvalues } from "../linalg/lora-eigenvalues.ts";
import { measureLayer } from "../metrics/measure-layer.ts";
import { compactEsd } from "../metrics/compact-esd.ts";
import { readValues } from "../esd/read-layer-values.ts";

/**
 * A LoRA adapter's lora_BA layer (docs/metrics.md §10): both matrices read in one pass over the
 * layer's byte range, the min(r, M) nonzero eigenvalues of (BA)ᵀ(BA) found without forming B·A,
 * then the same columns as any layer from them. No randomization columns: the reference shuffles
 * the formed out × in product, which this path never holds.
 */
export async function analyzeLoraLayer(plan: LayerPlan, read: ValueReader, options: { eigvalsh?: Eigvalsh }): Promise<AnalysedLayer> {
  const lora = plan.lora;
  if (!lora) throw new EsdError("invalid_plan", `layer ${JSON.stringify(plan.name)} is not a LoRA pair`);
  const { r, in: inDim, out } = lora;
  const total = r * inDim + out * r;
  const values = await readValues(read, total, Float64Array);
  const a = values.subarray(lora.aOffset, lora.aOffset + r * inDim);
  const b = values.subarray(lora.bOffset, lora.bOffset + out * r);
  const eigenvalues = Float64Array.from(loraEigenvalues(r, inDim, out, a, b, options.eigvalsh));
  const spectrum = { slices: [eigenvalues], numericallyZero: [zeroBelowNoiseFloor(eigenvalues)] };
  const columns = measureLayer(plan, spectrum);
  return { ...columns, shape: plan.tensor.shape, dtype: plan.tensor.dtype, esd: compactEsd(spectrum, columns) };
}
