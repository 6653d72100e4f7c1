import type { QuantizedLayout, QuantizedDtype, TensorInfo } from "../safetensors/types.ts";

/**
 * One TensorInfo for a weight stored as parts: its float shape [out, in], its scheme's dtype, the
 * parts' layout, and begin..end spanning every part. Parts in different files cannot be read as
 * one, so such a weight is listed unreadable.
 */
export function quantizedWeight(name: string, dtype: QuantizedDtype, shape: [number, number], main: TensorInfo, parts: TensorInfo[], quantized: QuantizedLayout): TensorInfo {
  const begin = Math.min(...parts.map((p) => p.begin));
  const end = Math.max(...parts.map((p) => p.end));
  if (parts.some((p) => p.file !== main.file)) {
    return { name, dtype, shape, begin, end, file: main.file, unreadable: `its quantized parts (${parts.map((p) => p.name.slice(p.name.lastIndexOf(".") + 1)).join(", ")}) lie in different files; heavytail reads a quantized weight from one file` };
  }
  return { name, dtype, shape, begin, end, file: main.file, quantized };
}

/** A weight of a quantization heavytail does not dequantize: listed with the reason, never read. */
export function skippedWeight(name: string, main: TensorInfo, shape: number[], reason: string): TensorInfo {
  return { name, dtype: main.dtype, shape, begin: main.begin, end: main.end, file: main.file, unreadable: reason };
}
