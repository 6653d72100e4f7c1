import type { TensorInfo } from "../safetensors/types.ts";
import type { LayerPlan } from "./types.ts";
import { conv2dDimensions } from "./conv2d-dimensions.ts";
import { skipReason } from "./skip-reason.ts";
import { isLoraAdapter, planLoraLayers } from "./plan-lora-layers.ts";

const WEIGHT_SUFFIX = ".weight";
/** √½ rounded to float32: the reference scales conv2d slices by it in float32 arithmetic. */
const CONV2D_SCALE = Math.fround(Math.SQRT1_2);

function planTensor(tensor: TensorInfo, layer_id: number): LayerPlan {
  const plan = planShape(tensor, layer_id);
  // a tensor whose values cannot be read (an unsupported GGUF quantization, a non-contiguous
  // PyTorch tensor) is listed with that reason, unless the reference would skip it anyway
  return tensor.unreadable !== undefined && plan.skip_reason === undefined ? { ...plan, skip_reason: tensor.unreadable } : plan;
}

function planShape(tensor: TensorInfo, layer_id: number): LayerPlan {
  const name = tensor.name.slice(0, -WEIGHT_SUFFIX.length);
  const { shape } = tensor;
  const base = { layer_id, name, tensor };
  if (shape.length === 2) {
    const [rows, cols] = shape;
    const N = Math.max(rows, cols);
    const M = Math.min(rows, cols);
    const skip_reason =
      rows < 2 ? `a ${rows} × ${cols} matrix: the reference does not analyse a 2-D tensor with fewer than 2 rows` : skipReason(N, M, 1);
    return { ...base, layer_type: "dense", rows, cols, rf: 1, N, M, scale: 1, ...(skip_reason && { skip_reason }) };
  }
  if (shape.length === 4) {
    const dims = conv2dDimensions(shape as [number, number, number, number]);
    const skip_reason = skipReason(dims.N, dims.M, dims.rf);
    return { ...base, layer_type: "conv2d", ...dims, scale: CONV2D_SCALE, ...(skip_reason && { skip_reason }) };
  }
  const what =
    shape.length === 0 ? "a 0-D scalar" : shape.length === 1 ? "a 1-D vector (a norm or bias)" : `a ${shape.length}-D tensor`;
  return notALayer(base, `${what}: only 2-D (dense) and 4-D (conv2d) weights are analysed`);
}

/** A tensor listed with the reason it is not analysed. */
function notALayer(base: Pick<LayerPlan, "layer_id" | "name" | "tensor">, skip_reason: string): LayerPlan {
  return { ...base, layer_type: "other", skip_reason, rows: 0, cols: 0, rf: 1, N: 0, M: 0, scale: 1 };
}

/**
 * One plan per `.weight` tensor, in the given (reference) order, layer_id counting from 0 over all
 * of them, analysed or not (docs/metrics.md §1–2). A LoRA adapter's lora_A/lora_B slivers mean
 * nothing alone, so an adapter is planned by its B·A products instead (docs/metrics.md §10).
 */
export function planLayers(tensors: readonly TensorInfo[]): LayerPlan[] {
  if (isLoraAdapter(tensors)) return planLoraLayers(tensors);
  const plans = tensors.filter((t) => t.name.endsWith(WEIGHT_SUFFIX)).map((tensor, layer_id) => planTensor(tensor, layer_id));
  // numbered after the reference's own ids, so those stay the reference's
  const unnamed = tensors.filter(isUnnamedWeight).map((tensor, i) => unnamedWeightPlan(tensor, plans.length + i));
  return [...plans, ...unnamed];
}

/** An RNN's `weight_ih_l0`/`weight_hh_l0`, a weight-norm `weight_g`/`weight_v`: weights the reference never sees, as it looks only at `*.weight`. */
function isUnnamedWeight(tensor: TensorInfo): boolean {
  return /(^|\.)weight_[^.]*$/.test(tensor.name) && tensor.shape.length >= 2;
}

/** Listed as skipped with the reason, so a model whose matrices are all named so does not come out empty without a word. */
function unnamedWeightPlan(tensor: TensorInfo, layer_id: number): LayerPlan {
  const last = tensor.name.slice(tensor.name.lastIndexOf(".") + 1);
  return notALayer(
    { layer_id, name: tensor.name, tensor },
    `a ${tensor.shape.join(" × ")} weight named "${last}", not "weight": the reference analyses only tensors named *.weight (an RNN's weight_ih/weight_hh, a weight-norm weight_g/weight_v are not), so heavytail does not either`,
  );
}
