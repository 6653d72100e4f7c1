import type { ModelFiles, TensorInfo } from "../safetensors/types.ts";
import { compareNames } from "../safetensors/compare-names.ts";
import { PytorchError } from "./pytorch-error.ts";
import { parsePytorchIndex } from "./parse-pytorch-index.ts";
import { listTorchFileTensors } from "./list-torch-file-tensors.ts";
import { HEADER_CONCURRENCY, mapBounded } from "../async/map-bounded.ts";

/** the index file transformers writes beside a sharded pytorch_model.bin */
export const PYTORCH_INDEX = "pytorch_model.bin.index.json";
/** transformers' `pytorch_model.bin.index.json`, diffusers' `diffusion_pytorch_model.bin.index.json` */
export const isPytorchIndex = (file: string) => file.endsWith(".bin.index.json");
const MAX_INDEX_BYTES = 64 << 20;
/** Files a checkpoint folder may hold that are pickles or archives too (`.pt`, `.pth`), besides `.bin`. */
export const TORCH_EXTENSIONS = [".bin", ".pt", ".pth"];

async function readIndex(model: ModelFiles, indexFile: string): Promise<string> {
  const source = model.open(indexFile);
  const size = await source.size();
  if (size > MAX_INDEX_BYTES) throw new PytorchError("invalid_index", indexFile, `index has ${size} bytes, more than ${MAX_INDEX_BYTES}`);
  return new TextDecoder().decode(await source.read(0, size));
}

/**
 * Every tensor of a PyTorch checkpoint as TensorInfos, in the order the safetensors rules give
 * (docs/metrics.md §1): with `pytorch_model.bin.index.json`, shards sorted by file name, each
 * shard's tensors in the index's `weight_map` order; otherwise each `.bin`/`.pt`/`.pth` file (sorted
 * by name) with its tensors in its state dict's order (what torch.load returns). Returns the files read.
 */
export async function listPytorchTensors(model: ModelFiles): Promise<{ tensors: TensorInfo[]; files: string[] }> {
  const indexFile = model.files.find(isPytorchIndex);
  if (indexFile !== undefined) {
    const index = parsePytorchIndex(await readIndex(model, indexFile), indexFile);
    for (const shard of index.files) {
      if (!model.files.includes(shard)) throw new PytorchError("missing_shard", indexFile, `names shard ${JSON.stringify(shard)}, which the model does not have`);
    }
    const shards = await mapBounded(index.files, model.concurrency ?? HEADER_CONCURRENCY, (shard) => listTorchFileTensors(model.open(shard), shard));
    const tensors: TensorInfo[] = [];
    shards.forEach((list, i) => {
      const byName = new Map(list.map((t) => [t.name, t]));
      for (const [name, shard] of index.weight_map) {
        if (shard !== index.files[i]) continue;
        const tensor = byName.get(name);
        if (!tensor) throw new PytorchError("missing_tensor", shard, "the index places this tensor here, but the shard's state dict lacks it", name);
        tensors.push(tensor);
      }
    });
    return { tensors, files: [indexFile, ...index.files] };
  }
  const files = model.files.filter((f) => TORCH_EXTENSIONS.some((ext) => f.endsWith(ext))).sort(compareNames);
  if (files.length === 0) throw new PytorchError("no_bin_files", "(model)", `no .bin, .pt or .pth file among ${model.files.length} files`);
  const lists = await mapBounded(files, model.concurrency ?? HEADER_CONCURRENCY, (file) => listTorchFileTensors(model.open(file), file));
  const seen = new Map<string, string>();
  for (const tensor of lists.flat()) {
    const other = seen.get(tensor.name);
    if (other !== undefined) throw new PytorchError("duplicate_tensor", tensor.file, `also in ${other}`, tensor.name);
    seen.set(tensor.name, tensor.file);
  }
  return { tensors: lists.flat(), files };
}
