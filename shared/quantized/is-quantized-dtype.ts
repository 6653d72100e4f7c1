import { QUANTIZED_DTYPES, type QuantizedDtype } from "../safetensors/types.ts";

/** True when `value` names a quantized safetensors weight heavytail dequantizes (GPTQ_INT4, AWQ_INT4, F8_E4M3_BLOCK, MXFP4_E2M1, …). */
export function isQuantizedDtype(value: unknown): value is QuantizedDtype {
  return typeof value === "string" && (QUANTIZED_DTYPES as readonly string[]).includes(value);
}
