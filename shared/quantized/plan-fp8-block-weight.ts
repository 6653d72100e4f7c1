import type { TensorInfo } from "../safetensors/types.ts";
import type { QuantizationConfig } from "./parse-quantization-config.ts";
import { quantizedWeight, skippedWeight } from "./quantized-weight.ts";
import { toPart } from "./to-part.ts";

const FLOAT_SCALES = new Set(["F16", "BF16", "F32"]);
const DEFAULT_BLOCK = 128;

/**
 * `P.weight` [out, in] F8 with its `P.weight_scale_inv` [⌈out/br⌉, ⌈in/bc⌉] (DeepSeek-V3's
 * fp8_cast_bf16.py pairs them by that name; a 0-D or one-element scale scales the whole matrix).
 * The block is quantization_config's weight_block_size, else 128 × 128 where the shapes agree.
 */
export function planFp8BlockWeight(weight: TensorInfo, scale: TensorInfo, config: QuantizationConfig | null): TensorInfo {
  const skip = (reason: string) => skippedWeight(weight.name, weight, weight.shape, `FP8 weight: ${reason}; analyse the original (unquantized) model`);
  if (weight.shape.length !== 2 || !FLOAT_SCALES.has(scale.dtype)) return skip(`a ${weight.shape.length}-D weight with ${scale.dtype} weight_scale_inv is not the 2-D block-scaled layout heavytail reads`);
  const [out, inFeatures] = weight.shape;
  const whole = scale.shape.length === 0 || (scale.shape.length === 1 && scale.shape[0] === 1);
  let blockRows: number;
  let blockCols: number;
  if (whole) [blockRows, blockCols] = [Math.max(1, out), Math.max(1, inFeatures)];
  else if (scale.shape.length !== 2) return skip(`weight_scale_inv [${scale.shape.join(", ")}] is neither one scale nor a 2-D grid of blocks`);
  else {
    const [rows, cols] = scale.shape;
    const configured = config?.weightBlockSize;
    const fits = (br: number, bc: number) => Math.ceil(out / br) === rows && Math.ceil(inFeatures / bc) === cols;
    const block = configured ?? (fits(DEFAULT_BLOCK, DEFAULT_BLOCK) ? [DEFAULT_BLOCK, DEFAULT_BLOCK] : [Math.ceil(out / rows), Math.ceil(inFeatures / cols)]);
    [blockRows, blockCols] = block;
    if (!fits(blockRows, blockCols)) return skip(`weight_scale_inv [${rows}, ${cols}] does not cover [${out}, ${inFeatures}] in blocks of ${blockRows} × ${blockCols}`);
  }
  const dtype = weight.dtype === "F8_E5M2" ? "F8_E5M2_BLOCK" : "F8_E4M3_BLOCK";
  return quantizedWeight(weight.name, dtype, [out, inFeatures], weight, [weight, scale], { scheme: "fp8-block", blockRows, blockCols, weight: toPart(weight), scale: toPart(scale) });
}
