import type { TensorInfo } from "../safetensors/types.ts";
import type { LayerPlan } from "./types.ts";
import { skipReason } from "./skip-reason.ts";

const WEIGHT_SUFFIX = ".weight";

/** True when the tensors are a PEFT LoRA adapter's: some `.weight` name holds `lora_A`. */
export function isLoraAdapter(tensors: readonly TensorInfo[]): boolean {
  return tensors.some((t) => t.name.endsWith(WEIGHT_SUFFIX) && t.name.includes("lora_A"));
}

/**
 * The plans of a LoRA adapter as the reference's `peft=True` iterator makes them
 * (docs/metrics.md §10): each lora_A with its lora_B becomes one layer, `lora_A` → `lora_BA` in
 * the name, with lora_A's layer_id; every other `.weight` tensor is listed as skipped.
 */
export function planLoraLayers(tensors: readonly TensorInfo[]): LayerPlan[] {
  const weights = tensors.filter((t) => t.name.endsWith(WEIGHT_SUFFIX));
  const byName = new Map(weights.map((t) => [t.name, t]));
  return weights.map((tensor, layer_id) => {
    const name = tensor.name.slice(0, -WEIGHT_SUFFIX.length);
    const skipped = (skip_reason: string): LayerPlan => ({ layer_id, name, tensor, layer_type: "other", skip_reason, rows: 0, cols: 0, rf: 1, N: 0, M: 0, scale: 1 });
    if (tensor.name.includes("lora_A")) {
      const b = byName.get(tensor.name.replaceAll("lora_A", "lora_B"));
      return b ? planPair(tensor, b, layer_id) : skipped("a lora_A matrix without its lora_B");
    }
    if (tensor.name.includes("lora_B")) return skipped(`the lora_B half of ${name.replaceAll("lora_B", "lora_BA")}`);
    if (tensor.name.includes("lora_")) return skipped("a LoRA matrix the reference does not pair (only lora_A with lora_B)");
    return skipped("not a LoRA matrix: an adapter is analysed by its lora_BA products, as the reference's peft=True does");
  });
}

function planPair(a: TensorInfo, b: TensorInfo, layer_id: number): LayerPlan {
  const name = a.name.slice(0, -WEIGHT_SUFFIX.length).replaceAll("lora_A", "lora_BA");
  const skipped = (skip_reason: string): LayerPlan => ({ layer_id, name, tensor: a, layer_type: "other", skip_reason, rows: 0, cols: 0, rf: 1, N: 0, M: 0, scale: 1 });
  if (a.shape.length !== 2 || b.shape.length !== 2) return skipped(`lora_A ${a.shape.join(" × ")} and lora_B ${b.shape.join(" × ")}: only 2-D (dense) LoRA pairs are analysed`);
  const [r, inDim] = a.shape;
  const [out, rB] = b.shape;
  if (rB !== r || r > inDim) return skipped(`lora_A ${r} × ${inDim} and lora_B ${out} × ${rB} do not align as B·A (the reference cannot multiply them either)`);
  // the reference drops lora_A and lora_B by their own sizes before it pairs them
  const own = skipReason(inDim, r, 1) ?? skipReason(Math.max(out, r), Math.min(out, r), 1);
  if (own) return skipped(`lora_A or lora_B ${own}`);
  const unreadable = a.unreadable ?? b.unreadable;
  if (unreadable !== undefined) return skipped(unreadable);
  if (a.file !== b.file || a.dtype !== b.dtype || !(a.end === b.begin || b.end === a.begin)) {
    return skipped("lora_A and lora_B are not stored side by side in one file with one dtype, as heavytail reads a LoRA pair");
  }
  const size = (a.end - a.begin) / (r * inDim);
  if (!Number.isInteger(size) || size !== (b.end - b.begin) / (out * r)) return skipped("lora_A and lora_B are stored in a type heavytail reads only tensor by tensor");
  const begin = Math.min(a.begin, b.begin);
  const tensor: TensorInfo = { name: `${name}${WEIGHT_SUFFIX}`, dtype: a.dtype, shape: [out, inDim], begin, end: Math.max(a.end, b.end), file: a.file };
  const lora = { r, in: inDim, out, aOffset: (a.begin - begin) / size, bOffset: (b.begin - begin) / size };
  return { layer_id, name, tensor, layer_type: "dense", rows: out, cols: inDim, rf: 1, N: Math.max(out, inDim), M: Math.min(out, inDim), scale: 1, lora };
}
