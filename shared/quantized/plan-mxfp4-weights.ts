import type { TensorInfo } from "../safetensors/types.ts";
import { quantizedWeight, skippedWeight } from "./quantized-weight.ts";
import { toPart } from "./to-part.ts";

/**
 * The float matrices of an MXFP4 parameter `P` stored as `P_blocks` [out, in/32, 16] U8 and
 * `P_scales` [out, in/32] U8 or F8_E8M0 (transformers' integrations/mxfp4.py): one `P.weight`
 * [out, in]; for merged MoE experts (a leading expert dimension, gpt-oss's
 * `mlp.experts.gate_up_proj`) one `….experts.<e>.gate_up_proj.weight` [out, in] per expert, as
 * Hugging Face names per-expert modules, in expert order.
 */
export function planMxfp4Weights(param: string, blocks: TensorInfo, scales: TensorInfo): TensorInfo[] {
  const nameOf = (expert: number | null) => {
    if (expert === null) return param.endsWith(".weight") ? param : `${param}.weight`;
    const dot = param.lastIndexOf(".");
    return `${param.slice(0, dot + 1)}${expert}.${param.slice(dot + 1)}.weight`;
  };
  const shape = blocks.shape;
  const lead = shape.length - 3;
  const fits =
    blocks.dtype === "U8" && (scales.dtype === "U8" || scales.dtype === "F8_E8M0") && (lead === 0 || lead === 1) && shape[shape.length - 1] === 16 &&
    scales.shape.length === shape.length - 1 && scales.shape.every((d, i) => d === shape[i]);
  if (!fits) {
    return [skippedWeight(nameOf(null), blocks, shape, `MXFP4 weight: blocks [${shape.join(", ")}] ${blocks.dtype} and scales [${scales.shape.join(", ")}] ${scales.dtype} are not MXFP4's [out, in/32, 16] U8 and [out, in/32] layout; analyse the original (unquantized) model`)];
  }
  const [out, groups] = shape.slice(lead, lead + 2);
  const experts = lead === 1 ? shape[0] : 1;
  const blockBytes = out * groups * 16;
  const scaleBytes = out * groups;
  return Array.from({ length: experts }, (_, e) => {
    const b = { ...blocks, shape: [out, groups, 16], begin: blocks.begin + e * blockBytes, end: blocks.begin + (e + 1) * blockBytes };
    const s = { ...scales, shape: [out, groups], begin: scales.begin + e * scaleBytes, end: scales.begin + (e + 1) * scaleBytes };
    return quantizedWeight(nameOf(lead === 1 ? e : null), "MXFP4_E2M1", [out, groups * 32], b, [b, s], { scheme: "mxfp4", blocks: toPart(b), scales: toPart(s) });
  });
}
