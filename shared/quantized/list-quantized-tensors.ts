import type { ModelFiles, TensorInfo } from "../safetensors/types.ts";
import { groupQuantizedTensors, looksQuantized, type GroupedTensors } from "./group-quantized-tensors.ts";
import { readQuantizationConfig } from "./read-quantization-config.ts";
import { readBitsandbytesShapes } from "./read-bitsandbytes-shapes.ts";

/**
 * A safetensors model's tensors with its quantized weights grouped (groupQuantizedTensors), or null
 * when no tensor name says it is quantized (then nothing more is read). Reads config.json beside the
 * weights for quantization_config, and bitsandbytes 4-bit quant_states for their shapes.
 */
export async function listQuantizedTensors(model: Pick<ModelFiles, "files" | "open" | "concurrency">, tensors: readonly TensorInfo[]): Promise<GroupedTensors | null> {
  if (!looksQuantized(tensors)) return null;
  const config = await readQuantizationConfig(model);
  const grouped = groupQuantizedTensors(tensors, config, await readBitsandbytesShapes(model, tensors));
  return grouped.method === null ? null : grouped;
}
