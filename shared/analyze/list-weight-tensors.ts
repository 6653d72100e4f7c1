import type { ModelFiles, TensorInfo } from "../safetensors/types.ts";
import type { BaseModelRef, WeightFormat } from "../report/schema.ts";
import { listModelTensors, isSafetensorsIndex } from "../safetensors/list-model-tensors.ts";
import { listPytorchTensors, isPytorchIndex, TORCH_EXTENSIONS } from "../pytorch/list-pytorch-tensors.ts";
import { listGgufTensors } from "../gguf/list-gguf-tensors.ts";
import { isBlockDtype } from "../safetensors/is-block-dtype.ts";
import { listQuantizedTensors } from "../quantized/list-quantized-tensors.ts";
import { WeightFilesError } from "./weight-files-error.ts";
import type { WeightKind } from "./weight-kind.ts";
import { componentsOfFiles } from "./choose-component-files.ts";

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
  /** a multi-component repo's components (folders), whose names prefix their tensors' (`unet/…`) */
  components?: string[];
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
 * were stored. A multi-component repo's files (all in first-level folders) are listed folder by
 * folder. Reads headers, directories and pickles only.
 */
export async function listWeightTensors(model: ModelFiles): Promise<WeightListing> {
  const { files } = model;
  const components = componentsOfFiles(files);
  if (components) return listComponents(model, components);
  if (files.some(isSafetensorsIndex) || files.some((f) => f.endsWith(".safetensors"))) {
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
  if (files.some(isPytorchIndex) || files.some((f) => TORCH_EXTENSIONS.some((ext) => f.endsWith(ext)))) {
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

/**
 * Each component listed as a model of its own (its folder as the root, so its index, config.json
 * and shard names resolve there), then joined in component order with every tensor's name and file
 * prefixed by the folder: layer names stay unique across components (text_encoder and
 * text_encoder_2 share theirs) and say where each layer lives.
 */
async function listComponents(model: ModelFiles, components: string[]): Promise<WeightListing> {
  const listings = [];
  for (const component of components) {
    const prefix = `${component}/`;
    const own = model.files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
    const listing = await listWeightTensors({ files: own, open: (file) => model.open(prefix + file), concurrency: model.concurrency });
    listings.push({ prefix, listing });
  }
  const tensors = listings.flatMap(({ prefix, listing }) => listing.tensors.map((t) => ({ ...t, name: prefix + t.name, file: prefix + t.file })));
  const formats = listings.map(({ listing }) => listing.format).filter((f) => f !== undefined);
  const format: WeightFormat | undefined =
    formats.length === 0
      ? undefined
      : {
          kind: formats[0].kind,
          file_type: formats.find((f) => f.file_type !== null)?.file_type ?? null,
          tensor_types: tensorTypes(tensors),
          dequantized: formats.some((f) => f.dequantized),
        };
  return {
    kind: listings[0].listing.kind,
    tensors,
    files: listings.flatMap(({ prefix, listing }) => listing.files.map((f) => prefix + f)),
    ...(format && { format }),
    family: null,
    components,
  };
}
