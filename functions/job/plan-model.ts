import { planLayers } from "../../shared/plan/plan-layers.ts";
import type { LayerPlan } from "../../shared/plan/types.ts";
import { listModelTensors } from "../../shared/safetensors/list-model-tensors.ts";
import type { ByteSource, TensorInfo } from "../../shared/safetensors/types.ts";
import { ApiError } from "../http/api-error.ts";

export interface ModelPlan {
  plans: LayerPlan[];
  parameters: number;
  dtypes: string[];
}

/**
 * Reads the safetensors headers (range requests; the index for sharded models), plans the layers
 * (docs/metrics.md §1–2) and enforces the size limit before any weight is streamed.
 */
export async function planModel(files: string[], open: (file: string) => ByteSource, maxModelBytes: number): Promise<ModelPlan> {
  const { tensors } = await listModelTensors({ files, open });
  const tensorBytes = tensors.reduce((sum, t) => sum + (t.end - t.begin), 0);
  if (tensorBytes > maxModelBytes) {
    throw new ApiError(413, "model_too_large", `the model's tensors hold ${tensorBytes} bytes, more than this service's limit of ${maxModelBytes}`);
  }
  return { plans: planLayers(tensors), parameters: countParameters(tensors), dtypes: [...new Set(tensors.map((t) => t.dtype))].sort() };
}

function countParameters(tensors: TensorInfo[]): number {
  return tensors.reduce((sum, t) => sum + t.shape.reduce((p, d) => p * d, 1), 0);
}
