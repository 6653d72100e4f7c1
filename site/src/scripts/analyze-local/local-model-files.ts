import { type ModelDescription, ADAPTER_CONFIG, chooseWeightFiles, parseAdapterConfig, WeightFilesError } from "#shared/analyze";
import { familyFromConfig } from "#shared/hub";
import type { ModelFiles } from "#shared/safetensors";
import { fileSliceByteSource } from "./file-slice-byte-source.ts";
import type { LocalFile } from "./local-file.ts";
import { LocalModelError } from "./local-model-error.ts";

/** A file's name inside the chosen folder (`unet/model.safetensors`), or its own name when it was chosen alone. */
const nameInModel = ({ file, path }: LocalFile) => (path.includes("/") ? path.slice(path.indexOf("/") + 1) : file.name);

/**
 * The model in files a person dropped or chose, its weight files chosen by the one policy the CLI
 * and the service use (`chooseWeightFiles`): safetensors (a file, a sharded model with its index, a
 * PEFT adapter with its adapter_config.json), PyTorch checkpoints, GGUF, a diffusers pipeline's
 * component folders. `config.json` (a pipeline's `model_index.json`) names the family. The id is the chosen folder's name when a folder was picked, else the weight file's name
 * without extension. A shard the index names but that was not dropped is reported by the listing.
 */
export async function localModelFiles(dropped: readonly LocalFile[]): Promise<{ model: ModelFiles; description: ModelDescription }> {
  const byName = new Map<string, File>();
  for (const local of dropped) {
    const name = nameInModel(local);
    if (byName.has(name)) throw new LocalModelError("duplicate_file", `two files are named ${JSON.stringify(name)}; drop one model at a time`);
    byName.set(name, local.file);
  }
  const choice = chooseWeightFiles([...byName.keys()]);
  if (choice instanceof WeightFilesError) {
    const hint = choice.candidates.length > 1 ? "; drop only the one to analyse" : "";
    throw new LocalModelError("no_model_files", `${choice.message}${hint}`);
  }
  const folder = dropped.find((f) => f.path.includes("/"))?.path.split("/")[0];
  const weights = choice.files.filter((f) => !f.endsWith(".json"));
  const id = folder ?? (weights.length === 1 ? weights[0].replace(/\.(safetensors|gguf|bin|pt|pth)$/, "") : "local model");
  const description: ModelDescription = { id, source: "local", revision: null, sha: null, family: (await readFamily(byName.get("config.json"))) ?? (await readFamily(byName.get("model_index.json"))) };
  if (choice.adapter) {
    try {
      description.adapter = parseAdapterConfig(await byName.get(ADAPTER_CONFIG)!.text());
    } catch (error) {
      throw new LocalModelError("no_model_files", `${ADAPTER_CONFIG}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    model: {
      files: choice.files,
      open: (name) => {
        const file = byName.get(name);
        if (!file) throw new LocalModelError("no_model_files", `${JSON.stringify(name)} was not among the dropped files`);
        return fileSliceByteSource(file);
      },
    },
    description,
  };
}

async function readFamily(config: File | undefined): Promise<string | null> {
  if (config === undefined) return null;
  try {
    return familyFromConfig(JSON.parse(await config.text()));
  } catch {
    return null;
  }
}
