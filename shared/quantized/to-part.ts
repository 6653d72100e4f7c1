import type { QuantizedPart, TensorInfo } from "../safetensors/types.ts";

/** The stored tensor as a part of a quantized weight. */
export function toPart(t: TensorInfo): QuantizedPart {
  return { name: t.name, dtype: t.dtype as QuantizedPart["dtype"], shape: [...t.shape], begin: t.begin, end: t.end };
}
