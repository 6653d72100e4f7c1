import type { TensorInfo } from "../safetensors/types.ts";

/** The model-level facts a report's identity carries: parameter count (all elements) and dtypes. */
export function summarizeTensors(tensors: readonly TensorInfo[]): { parameters: number; dtypes: string[] } {
  return {
    parameters: tensors.reduce((sum, t) => sum + t.shape.reduce((p, d) => p * d, 1), 0),
    dtypes: [...new Set(tensors.map((t) => t.dtype))].sort(),
  };
}
