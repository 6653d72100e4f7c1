import { summarizeTensors } from "../../shared/analyze/summarize-tensors.ts";
import { planLayers } from "../../shared/plan/plan-layers.ts";
import type { LayerPlan } from "../../shared/plan/types.ts";
import { listModelTensors } from "../../shared/safetensors/list-model-tensors.ts";
import type { ByteSource } from "../../shared/safetensors/types.ts";
import { ApiError } from "../http/api-error.ts";

/**
 * The most a header (or index) read may ask for at once. The format allows 100 MB; a Worker with
 * 128 MB cannot hold that and parse it, and real headers are kilobytes (a few MB for the largest
 * models), so anything above this is refused as a header bomb.
 */
export const MAX_HEADER_READ_BYTES = 16 << 20;

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
  const { tensors } = await listModelTensors({ files, open: (file) => capReads(open(file), MAX_HEADER_READ_BYTES) });
  const tensorBytes = tensors.reduce((sum, t) => sum + (t.end - t.begin), 0);
  if (tensorBytes > maxModelBytes) {
    throw new ApiError(413, "model_too_large", `the model's tensors hold ${tensorBytes} bytes, more than this service's limit of ${maxModelBytes}`);
  }
  return { plans: planLayers(tensors), ...summarizeTensors(tensors) };
}

function capReads(source: ByteSource, maxBytes: number): ByteSource {
  return {
    name: source.name,
    size: () => source.size(),
    async read(offset, length) {
      if (length > maxBytes) {
        throw new ApiError(422, "invalid_safetensors", `${source.name}: a header of ${length} bytes is larger than this service reads (${maxBytes})`);
      }
      return source.read(offset, length);
    },
    stream: (offset, length) => source.stream(offset, length),
  };
}
