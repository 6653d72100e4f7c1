import type { ModelDescription } from "../../../../shared/analyze/analyze-model.ts";
import { INDEX_FILE } from "../../../../shared/safetensors/list-model-tensors.ts";
import type { ModelFiles } from "../../../../shared/safetensors/types.ts";
import { fileSliceByteSource } from "./file-slice-byte-source.ts";
import { LocalModelError } from "./local-model-error.ts";

/**
 * The model in files a person dropped or chose, as the CLI reads a folder: every `.safetensors`
 * file and `model.safetensors.index.json` (a sharded model), other files ignored. The id is the
 * chosen folder's name when a folder was picked, else the single file's name without extension.
 * A shard the index names but that was not dropped is reported by listModelTensors.
 */
export function localModelFiles(dropped: readonly File[]): { model: ModelFiles; description: ModelDescription } {
  const byName = new Map<string, File>();
  for (const file of dropped) {
    if (!file.name.endsWith(".safetensors") && file.name !== INDEX_FILE) continue;
    if (byName.has(file.name)) throw new LocalModelError("duplicate_file", `two files are named ${JSON.stringify(file.name)}; drop one model at a time`);
    byName.set(file.name, file);
  }
  if (![...byName.keys()].some((name) => name.endsWith(".safetensors"))) {
    throw new LocalModelError("no_model_files", "none of the files is a .safetensors file");
  }
  const files = [...byName.keys()].sort();
  const folder = dropped.map((f) => (f as File & { webkitRelativePath?: string }).webkitRelativePath?.split("/")[0]).find((f) => f);
  const single = files.filter((f) => f.endsWith(".safetensors"));
  const id = folder ?? (single.length === 1 ? single[0].replace(/\.safetensors$/, "") : "local model");
  return {
    model: {
      files,
      open: (name) => {
        const file = byName.get(name);
        if (!file) throw new LocalModelError("no_model_files", `${JSON.stringify(name)} was not among the dropped files`);
        return fileSliceByteSource(file);
      },
    },
    description: { id, source: "local", revision: null, sha: null, family: null },
  };
}
