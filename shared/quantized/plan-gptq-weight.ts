import type { TensorInfo } from "../safetensors/types.ts";
import type { QuantizationConfig } from "./parse-quantization-config.ts";
import { quantizedWeight, skippedWeight } from "./quantized-weight.ts";
import { toPart } from "./to-part.ts";

const FLOAT_SCALES = new Set(["F16", "BF16", "F32"]);

/**
 * `P.weight` from a GPTQ module's `P.qweight` [in·bits/32, out] I32, `P.qzeros` [groups, out·bits/32]
 * I32, `P.scales` [groups, out] and optional `P.g_idx` [in] I32 (AutoGPTQ qlinear_cuda.py buffers).
 * bits and group_size come from quantization_config, else from the shapes; checkpoint_format
 * "gptq" (the default, AutoGPTQ's and GPTQModel's v1) stores zeros minus 1, "gptq_v2" as they are.
 */
export function planGptqWeight(name: string, qweight: TensorInfo, qzeros: TensorInfo | undefined, scales: TensorInfo | undefined, gIdx: TensorInfo | undefined, config: QuantizationConfig | null): TensorInfo {
  const skip = (shape: number[], reason: string) => skippedWeight(name, qweight, shape, `GPTQ weight: ${reason}; analyse the original (unquantized) model`);
  if (!qzeros || !scales) return skip(qweight.shape, `${qzeros ? "scales" : "qzeros"} is missing beside qweight`);
  if (qweight.dtype !== "I32" || qzeros.dtype !== "I32" || qweight.shape.length !== 2 || qzeros.shape.length !== 2 || scales.shape.length !== 2 || !FLOAT_SCALES.has(scales.dtype)) {
    return skip(qweight.shape, "its qweight, qzeros and scales are not the 2-D I32, I32 and float tensors of GPTQ's layout");
  }
  const [packedRows, out] = qweight.shape;
  const groups = scales.shape[0];
  const method = config?.method === "gptq" ? config : null;
  const bits = method?.bits ?? (gIdx?.shape.length === 1 && gIdx.shape[0] > 0 ? (32 * packedRows) / gIdx.shape[0] : out > 0 ? (32 * qzeros.shape[1]) / out : NaN);
  const inFeatures = (packedRows * 32) / bits;
  if (bits !== 2 && bits !== 4 && bits !== 8) return skip([out, Number.isInteger(inFeatures) ? inFeatures : packedRows], `${bits}-bit GPTQ weights are not dequantized (only 2, 4 and 8 bits are)`);
  const shape: [number, number] = [out, inFeatures];
  const format = method?.checkpointFormat ?? "gptq";
  if (format !== "gptq" && format !== "gptq_v2") return skip(shape, `checkpoint_format "${format}" is a kernel layout heavytail does not unpack (only "gptq" and "gptq_v2")`);
  const groupSize = method?.groupSize === -1 ? inFeatures : (method?.groupSize ?? Math.ceil(inFeatures / groups));
  if (scales.shape[1] !== out || qzeros.shape[0] !== groups || qzeros.shape[1] * (32 / bits) !== out || groups < 1) {
    return skip(shape, `qzeros [${qzeros.shape.join(", ")}] and scales [${scales.shape.join(", ")}] do not fit qweight [${qweight.shape.join(", ")}] at ${bits} bits`);
  }
  if (gIdx) {
    if (gIdx.dtype !== "I32" || gIdx.shape.length !== 1 || gIdx.shape[0] !== inFeatures) return skip(shape, `g_idx [${gIdx.shape.join(", ")}] ${gIdx.dtype} is not one I32 group index per input feature (${inFeatures})`);
  } else if (Math.ceil(inFeatures / groupSize) !== groups) {
    return skip(shape, `${groups} groups of scales do not fit ${inFeatures} inputs in groups of ${groupSize}`);
  }
  const parts = [qweight, qzeros, scales, ...(gIdx ? [gIdx] : [])];
  return quantizedWeight(name, `GPTQ_INT${bits}`, shape, qweight, parts, {
    scheme: "gptq", bits, groupSize, zeroOffset: format === "gptq" ? 1 : 0,
    qweight: toPart(qweight), qzeros: toPart(qzeros), scales: toPart(scales), gIdx: gIdx ? toPart(gIdx) : null,
  });
}
