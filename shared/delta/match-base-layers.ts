import type { TensorInfo } from "../safetensors/types.ts";
import type { LayerPlan } from "../plan/types.ts";
import { planLayers } from "../plan/plan-layers.ts";

const shapeText = (shape: readonly number[]) => `[${shape.join(", ")}]`;
const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * The model's layer plans for a delta analysis against a base (docs/metrics.md §11): each layer the
 * model analyses is paired by name with the base's `.weight` tensor, which must have the same shape
 * and be one the base analyses too (the reference filters both models' layers alike); the layer
 * then carries the base tensor (and both biases, for delta_b). A layer the base lacks, or has in
 * another shape (a resized embedding, a new head), or stores transposed, is skipped with that
 * reason. Layer ids stay the model's own, as the reference's delta layers keep the model's.
 */
export function matchBaseLayers(plans: readonly LayerPlan[], tensors: readonly TensorInfo[], baseTensors: readonly TensorInfo[]): LayerPlan[] {
  const basePlans = new Map(planLayers(baseTensors).map((p) => [p.tensor.name, p]));
  const modelByName = new Map(tensors.map((t) => [t.name, t]));
  const baseByName = new Map(baseTensors.map((t) => [t.name, t]));
  return plans.map((plan): LayerPlan => {
    if (plan.skip_reason !== undefined) return plan;
    const skip = (skip_reason: string): LayerPlan => ({ ...plan, skip_reason });
    const base = basePlans.get(plan.tensor.name);
    if (base === undefined) return skip(`not in the base model: the delta W − W_base needs the same tensor in both`);
    const shape = plan.tensor.shape;
    const baseShape = base.tensor.shape;
    if (!sameShape(shape, baseShape)) {
      if (shape.length === 2 && sameShape(shape, [...baseShape].reverse())) {
        return skip(`the base stores it transposed (${shapeText(baseShape)}); heavytail subtracts only tensors of one shape`);
      }
      return skip(`its shape ${shapeText(shape)} differs from the base's ${shapeText(baseShape)} (resized, or a new layer): no delta W − W_base`);
    }
    if (base.skip_reason !== undefined) return skip(`the base's tensor is not analysed: ${base.skip_reason}`);
    const biasName = `${plan.name}.bias`;
    return { ...plan, base: { tensor: base.tensor, bias: modelByName.get(biasName) ?? null, baseBias: baseByName.get(biasName) ?? null } };
  });
}
