import type { ModelFiles, TensorInfo } from "../safetensors/types.ts";
import type { BaseModelRef, WeightFormat } from "../report/schema.ts";
import { listModelTensors, INDEX_FILE } from "../safetensors/list-model-tensors.ts";
import { listPytorchTensors, PYTORCH_INDEX_FILE, TORCH_EXTENSIONS } from "../pytorch/list-pytorch-tensors.ts";
import { listGgufTensors } from "../gguf/list-gguf-tensors.ts";
import { isBlockDtype } from "../safetensors/is-block-dtype.ts";
import { listQuantizedTensors } from "../quantized/list-quantized-tensors.ts";
import { WeightFilesError } from "./weight-files-error.ts";
import type { WeightKind } from "./choose-weight-files.ts";

/** A model's tensors, whatever their format. */
export interface WeightListing {
  kind: WeightKind;
  tensors: TensorInfo[];
  /** the files the tensors were read from (indexes included) */
  files: string[];
  /** how the weights were stored; absent for safetensors (the report's default) */
  format?: WeightFormat;
  /** the architecture a GGUF file names (general.architecture), null otherwise */
  family: string | null;
  /** the bases the weight files themselves name (GGUF's general.base_model.*) */
  baseModels?: BaseModelRef[];
}

function tensorTypes(tensors: readonly TensorInfo[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const t of tensors) counts.set(t.dtype, (counts.get(t.dtype) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Lists the tensors of a model whose files are already chosen (`chooseWeightFiles`): safetensors
 * when there are any (`listModelTensors`, as before), else PyTorch checkpoints, else GGUF. Every
 * kind comes out as TensorInfos the engine reads alike; the GGUF and PyTorch ones also say how they
 * were stored. Reads headers, directories and pickles only.
 */
export async function listWeightTensors(model: ModelFiles): Promise<WeightListing> {
  const { files } = model;
  if (files.includes(INDEX_FILE) || files.some((f) => f.endsWith(".safetensors"))) {
    const { tensors } = await listModelTensors(model);
    // GPTQ, AWQ, FP8 block, MXFP4, bitsandbytes …: parts grouped into one weight each (docs/metrics.md §9)
    const quantized = await listQuantizedTensors(model, tensors);
    if (!quantized) return { kind: "safetensors", tensors, files, family: null };
    const format: WeightFormat = {
      kind: "safetensors",
      file_type: quantized.method,
      tensor_types: tensorTypes(quantized.tensors),
      dequantized: quantized.tensors.some((t) => t.quantized !== undefined && t.unreadable === undefined),
    };
    return { kind: "safetensors", tensors: quantized.tensors, files, format, family: null };
  }
  if (files.includes(PYTORCH_INDEX_FILE) || files.some((f) => TORCH_EXTENSIONS.some((ext) => f.endsWith(ext)))) {
    const listing = await listPytorchTensors(model);
    const format: WeightFormat = { kind: "pytorch", file_type: null, tensor_types: tensorTypes(listing.tensors), dequantized: false };
    return { kind: "pytorch", tensors: listing.tensors, files: listing.files, format, family: null };
  }
  if (files.some((f) => f.endsWith(".gguf"))) {
    const listing = await listGgufTensors(model);
    const format: WeightFormat = {
      kind: "gguf",
      file_type: listing.fileType,
      tensor_types: tensorTypes(listing.tensors),
      dequantized: listing.tensors.some((t) => isBlockDtype(t.dtype)),
    };
    return { kind: "gguf", tensors: listing.tensors, files: listing.files, format, family: listing.architecture, baseModels: listing.baseModels };
  }
  throw new WeightFilesError("no_weight_files", `the model has no weights heavytail reads (safetensors, PyTorch .bin or GGUF) among ${files.length} files`);
}
