import type { ModelFiles, SafetensorsHeader, TensorInfo } from "./types.ts";
import { parseSafetensorsHeader } from "./parse-safetensors-header.ts";
import { parseSafetensorsIndex } from "./parse-safetensors-index.ts";
import { SafetensorsError } from "./safetensors-error.ts";
import { compareNames } from "./compare-names.ts";
import { HEADER_CONCURRENCY, mapBounded } from "../async/map-bounded.ts";

/** the index file transformers writes beside a sharded safetensors model */
export const SAFETENSORS_INDEX = "model.safetensors.index.json";
/** transformers' `model.safetensors.index.json`, diffusers' `diffusion_pytorch_model.safetensors.index.json`, variants' `model.fp16.safetensors.index.json` */
export const isSafetensorsIndex = (file: string) => file.endsWith(".safetensors.index.json");
/** An index is JSON text of a few hundred kB at most; refuse anything far larger. */
const MAX_INDEX_BYTES = 64 << 20;

function mergeMetadata(headers: SafetensorsHeader[]): Record<string, string> {
  const merged = new Map<string, string>();
  for (const header of headers) {
    for (const [key, value] of Object.entries(header.metadata)) if (!merged.has(key)) merged.set(key, value);
  }
  return Object.fromEntries(merged);
}

async function readIndex(model: ModelFiles, indexFile: string): Promise<string> {
  const source = model.open(indexFile);
  const size = await source.size();
  if (size > MAX_INDEX_BYTES) throw new SafetensorsError("invalid_index", indexFile, `index has ${size} bytes, more than ${MAX_INDEX_BYTES}`);
  return new TextDecoder().decode(await source.read(0, size));
}

async function listSharded(model: ModelFiles, indexFile: string) {
  const index = parseSafetensorsIndex(await readIndex(model, indexFile), indexFile);
  for (const shard of index.files) {
    if (!model.files.includes(shard)) throw new SafetensorsError("missing_shard", indexFile, `names shard ${JSON.stringify(shard)}, which the model does not have`);
  }
  const headers = await mapBounded(index.files, model.concurrency ?? HEADER_CONCURRENCY, (shard) => parseSafetensorsHeader(model.open(shard), shard));
  const tensors: TensorInfo[] = [];
  headers.forEach((header, i) => {
    const byName = new Map(header.tensors.map((t) => [t.name, t]));
    for (const [name, shard] of index.weight_map) {
      if (shard !== index.files[i]) continue;
      const tensor = byName.get(name);
      if (!tensor) throw new SafetensorsError("missing_tensor", shard, `the index places this tensor here, but the shard's header lacks it`, name);
      tensors.push(tensor);
    }
  });
  return { tensors, metadata: mergeMetadata(headers) };
}

async function listUnsharded(model: ModelFiles, files: string[]) {
  const headers = await mapBounded(files, model.concurrency ?? HEADER_CONCURRENCY, (file) => parseSafetensorsHeader(model.open(file), file));
  const seen = new Map<string, string>();
  for (const tensor of headers.flatMap((h) => h.tensors)) {
    const other = seen.get(tensor.name);
    if (other !== undefined) throw new SafetensorsError("duplicate_tensor", tensor.file, `also in ${other}`, tensor.name);
    seen.set(tensor.name, tensor.file);
  }
  const tensors = headers.flatMap((h) => [...h.tensors].sort((a, b) => compareNames(a.name, b.name)));
  return { tensors, metadata: mergeMetadata(headers) };
}

/**
 * Every tensor of a model in the reference's enumeration order (docs/metrics.md §1): with an index,
 * shards sorted by file name, each shard's tensors in the index's `weight_map` order; otherwise each
 * `.safetensors` file (sorted by name) with its tensors sorted by name. Metadata of all files merged,
 * the first file's value winning.
 */
export async function listModelTensors(model: ModelFiles): Promise<{ tensors: TensorInfo[]; metadata: Record<string, string> }> {
  const indexFile = model.files.find(isSafetensorsIndex);
  if (indexFile !== undefined) return listSharded(model, indexFile);
  const files = model.files.filter((f) => f.endsWith(".safetensors")).sort(compareNames);
  if (files.length === 0) throw new SafetensorsError("no_safetensors_files", "(model)", `no .safetensors file among ${model.files.length} files`);
  return listUnsharded(model, files);
}
