import type { TensorInfo } from "../safetensors/types.ts";
import type { LayerPlan } from "./types.ts";
import { planLoraLayers } from "./plan-lora-layers.ts";

const WEIGHT_SUFFIX = ".weight";

/** The base tensor an adapter's module adapts: `base_model.model.X.lora_A.weight` → `X.weight` (or `X.base_layer.weight`). */
export function baseTensorFor(loraA: string, baseByName: ReadonlyMap<string, TensorInfo>): TensorInfo | undefined {
  const module = loraA.slice(0, -WEIGHT_SUFFIX.length).replace(/\.lora_A(\.[^.]+)?$/, "");
  const stripped = [module, module.replace(/^base_model\.model\./, ""), module.replace(/^base_model\./, "")];
  for (const m of stripped) {
    for (const name of [`${m}${WEIGHT_SUFFIX}`, `${m}.base_layer${WEIGHT_SUFFIX}`]) {
      const t = baseByName.get(name);
      if (t) return t;
    }
  }
  return undefined;
}

/**
 * The plans of a LoRA adapter analysed with its base, as the reference's `peft="with_base"`
 * (WWPeftLayerIterator.update_peft_layers, docs/metrics.md §10): each lora_BA layer as in
 * `peft=True`, and each lora_B entry becomes `lora_W_plus_AB` (lora_B's layer_id), the spectrum of
 * W + B·A — unscaled, as the reference adds BA without lora_alpha / r — with W the base's tensor
 * of the adapted module. A module the base lacks, or holds in another shape than [out, in], is
 * skipped with the reason.
 */
export function planLoraWithBase(tensors: readonly TensorInfo[], baseTensors: readonly TensorInfo[]): LayerPlan[] {
  const plans = planLoraLayers(tensors);
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const baseByName = new Map(baseTensors.map((t) => [t.name, t]));
  const pairOf = new Map(plans.filter((p) => p.name.includes("lora_BA")).map((p) => [p.name, p]));
  return plans.map((plan): LayerPlan => {
    const bName = plan.tensor.name;
    if (!bName.includes("lora_B") || bName.includes("lora_BA") || !bName.endsWith(WEIGHT_SUFFIX)) return plan;
    const name = plan.name.replaceAll("lora_B", "lora_W_plus_AB");
    const skipped = (skip_reason: string): LayerPlan => ({ ...plan, name, skip_reason });
    const pair = pairOf.get(plan.name.replaceAll("lora_B", "lora_BA"));
    const aName = bName.replaceAll("lora_B", "lora_A");
    const a = byName.get(aName);
    const b = byName.get(bName);
    if (!pair || !a || !b) return skipped("a lora_B matrix without its lora_A");
    if (pair.skip_reason !== undefined || !pair.lora) return skipped(`its lora_BA is not analysed: ${pair.skip_reason ?? "no LoRA pair"}`);
    const { r, in: inDim, out } = pair.lora;
    const w = baseTensorFor(aName, baseByName);
    if (!w) return skipped("the base model has no tensor for this adapted module: no W + B·A");
    if (w.shape.length !== 2 || w.shape[0] !== out || w.shape[1] !== inDim) {
      return skipped(`the base's ${w.name} is [${w.shape.join(", ")}], not B·A's [${out}, ${inDim}]: no W + B·A`);
    }
    if (w.unreadable !== undefined) return skipped(w.unreadable);
    const tensor: TensorInfo = { ...b, name: `${name}${WEIGHT_SUFFIX}`, shape: [out, inDim] };
    return {
      layer_id: plan.layer_id, name, tensor, layer_type: "dense", rows: out, cols: inDim, rf: 1, N: Math.max(out, inDim), M: Math.min(out, inDim), scale: 1,
      base: { tensor: w, bias: null, baseBias: null },
      merge: { r, a, b },
    };
  });
}
