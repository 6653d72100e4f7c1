import type { TensorInfo } from "../safetensors/types.ts";
import type { QuantizationConfig } from "./parse-quantization-config.ts";
import { quantizedWeight, skippedWeight } from "./quantized-weight.ts";
import { toPart } from "./to-part.ts";

const FLOAT_SCALES = new Set(["F16", "BF16", "F32"]);

/**
 * `P.weight` from an AWQ GEMM module's `P.qweight` [in, out/8] I32, `P.qzeros` [groups, out/8] I32
 * and `P.scales` [groups, out] (AutoAWQ WQLinear_GEMM buffers, 4 bits). Other AWQ versions (gemv,
 * gemv_fast, marlin, …) pack differently and are listed skipped.
 */
export function planAwqWeight(name: string, qweight: TensorInfo, qzeros: TensorInfo | undefined, scales: TensorInfo | undefined, config: QuantizationConfig | null): TensorInfo {
  const skip = (shape: number[], reason: string) => skippedWeight(name, qweight, shape, `AWQ weight: ${reason}; analyse the original (unquantized) model`);
  if (!qzeros || !scales) return skip(qweight.shape, `${qzeros ? "scales" : "qzeros"} is missing beside qweight`);
  if (qweight.dtype !== "I32" || qzeros.dtype !== "I32" || qweight.shape.length !== 2 || qzeros.shape.length !== 2 || scales.shape.length !== 2 || !FLOAT_SCALES.has(scales.dtype)) {
    return skip(qweight.shape, "its qweight, qzeros and scales are not the 2-D I32, I32 and float tensors of AWQ's layout");
  }
  const [inFeatures, words] = qweight.shape;
  const [groups, out] = scales.shape;
  const shape: [number, number] = [out, inFeatures];
  const method = config?.method === "awq" ? config : null;
  const bits = method?.bits ?? 4;
  if (bits !== 4) return skip(shape, `${bits}-bit AWQ weights are not dequantized (only 4 bits)`);
  const version = method?.version ?? "gemm";
  if (version !== "gemm") return skip(shape, `AWQ version "${version}" packs its weights in a layout heavytail does not unpack (only "gemm")`);
  const groupSize = method?.groupSize === -1 ? inFeatures : (method?.groupSize ?? Math.ceil(inFeatures / groups));
  if (words * 8 !== out || qzeros.shape[0] !== groups || qzeros.shape[1] !== words || groups < 1 || Math.ceil(inFeatures / groupSize) !== groups) {
    return skip(shape, `qzeros [${qzeros.shape.join(", ")}] and scales [${scales.shape.join(", ")}] do not fit qweight [${qweight.shape.join(", ")}] in groups of ${groupSize}`);
  }
  return quantizedWeight(name, "AWQ_INT4", shape, qweight, [qweight, qzeros, scales], {
    scheme: "awq", bits: 4, groupSize, qweight: toPart(qweight), qzeros: toPart(qzeros), scales: toPart(scales),
  });
}
