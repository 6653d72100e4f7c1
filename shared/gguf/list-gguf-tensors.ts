import type { ModelFiles, TensorInfo } from "../safetensors/types.ts";
import { compareNames } from "../safetensors/compare-names.ts";
import { huggingFaceName } from "../plan/hugging-face-name.ts";
import { GgufError } from "./gguf-error.ts";
import { parseGgufHeader, type GgufHeader } from "./parse-gguf-header.ts";
import { ggufTensorInfos } from "./gguf-tensor-infos.ts";
import { ggufSplitName } from "./gguf-split-name.ts";
import { ggufFileTypeName } from "./gguf-file-type.ts";
import { HEADER_CONCURRENCY, mapBounded } from "../async/map-bounded.ts";
import { ggufLineage } from "../lineage/gguf-lineage.ts";
import type { BaseModelRef } from "../report/schema.ts";

export interface GgufListing {
  /** every tensor, named as a Hugging Face checkpoint names it where the architecture's mapping is known, sorted by name */
  tensors: TensorInfo[];
  /** the GGUF files read, in shard order */
  files: string[];
  /** general.architecture */
  architecture: string | null;
  /** general.file_type by llama.cpp's name (Q4_K_M …), null when the file does not say */
  fileType: string | null;
  /** string and number metadata of the first file (arrays left out), as text */
  metadata: Record<string, string>;
  /** the bases the first file names (general.base_model.*) */
  baseModels: BaseModelRef[];
}

function stringValue(header: GgufHeader, key: string): string | null {
  const value = header.metadata.get(key)?.value;
  return typeof value === "string" ? value : null;
}

/** The model's GGUF files: one file, or every shard of one split model in shard order; anything else is refused. */
function ggufFiles(model: ModelFiles): string[] {
  const files = model.files.filter((f) => f.endsWith(".gguf"));
  if (files.length === 0) throw new GgufError("split_mismatch", "(model)", `no .gguf file among ${model.files.length} files`);
  if (files.length === 1) return files;
  const splits = files.map((f) => ({ file: f, split: ggufSplitName(f) }));
  const first = splits[0].split;
  const oneModel =
    first !== null &&
    first.count === files.length &&
    splits.every(({ split }) => split !== null && split.prefix === first.prefix && split.count === first.count) &&
    new Set(splits.map(({ split }) => split!.shard)).size === files.length;
  if (!oneModel) {
    throw new GgufError("split_mismatch", files[0], `the model has ${files.length} GGUF files that are not the shards of one split model (${files.slice(0, 5).join(", ")}): choose one`);
  }
  return splits.sort((a, b) => a.split!.shard - b.split!.shard).map(({ file }) => file);
}

/**
 * Lists the tensors of a GGUF model (one file, or a gguf-split model's shards) like a safetensors
 * file's: TensorInfos with row-major shapes and absolute byte ranges, quantized ones with their
 * block type, undecodable ones marked unreadable. Names follow Hugging Face's where the
 * architecture uses the Llama module names (`huggingFaceName`), so layer names and ids match the
 * same model's safetensors report; other architectures keep the GGUF names. Reads headers only.
 */
export async function listGgufTensors(model: ModelFiles): Promise<GgufListing> {
  const files = ggufFiles(model);
  const headers = await mapBounded(files, model.concurrency ?? HEADER_CONCURRENCY, (file) => parseGgufHeader(model.open(file), file));
  if (files.length > 1) {
    headers.forEach((header, i) => {
      const count = header.metadata.get("split.count")?.value;
      const no = header.metadata.get("split.no")?.value;
      if ((count !== undefined && count !== files.length) || (no !== undefined && no !== i)) {
        throw new GgufError("split_mismatch", header.file, `its split.no ${String(no)} / split.count ${String(count)} disagree with its place ${i + 1} of ${files.length}`);
      }
    });
  }
  const architecture = stringValue(headers[0], "general.architecture");
  const raw = headers.flatMap(ggufTensorInfos);
  const seen = new Map<string, string>();
  for (const t of raw) {
    const other = seen.get(t.name);
    if (other !== undefined) throw new GgufError("duplicate_tensor", t.file, `also in ${other}`, t.name);
    seen.set(t.name, t.file);
  }
  const mapped = raw.map((t) => ({ ...t, name: huggingFaceName(architecture, t.name) }));
  // a file holding both spellings of one tensor keeps its own names rather than two of one
  const tensors = new Set(mapped.map((t) => t.name)).size === mapped.length ? mapped : raw;
  // fromEntries defines own properties, so a hostile "__proto__" key stays a plain key
  const metadata = Object.fromEntries([...headers[0].metadata].filter(([, e]) => typeof e.value !== "object").map(([k, e]) => [k, String(e.value)]));
  return {
    tensors: [...tensors].sort((a, b) => compareNames(a.name, b.name)),
    files,
    architecture,
    fileType: ggufFileTypeName(headers[0].metadata.get("general.file_type")?.value),
    metadata,
    baseModels: ggufLineage(headers[0].metadata),
  };
}
