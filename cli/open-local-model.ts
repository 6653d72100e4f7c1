import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { ModelDescription } from "../shared/analyze/analyze-model.ts";
import { chooseWeightFiles } from "../shared/analyze/choose-weight-files.ts";
import { WeightFilesError } from "../shared/analyze/weight-files-error.ts";
import { familyFromConfig } from "../shared/hub/family-from-config.ts";
import type { ModelFiles } from "../shared/safetensors/types.ts";
import { fileByteSource } from "./file-byte-source.ts";
import { UsageError } from "./parse-args.ts";

export interface OpenedModel {
  model: ModelFiles;
  description: ModelDescription;
}

export interface OpenModelOptions {
  /** the weight file to analyse when the model has several (`--file`): a name inside the folder or repo */
  file?: string;
}

const WEIGHT_FILE = /\.(safetensors|gguf|bin|pt|pth)$|^(model\.safetensors|pytorch_model\.bin)\.index\.json$/;

/** The weight files, as chooseWeightFiles tells them; its refusal as a message that says how to choose. */
export function chooseOrExplain(names: string[], what: string, options: OpenModelOptions): string[] {
  const choice = chooseWeightFiles(names, options);
  if (choice instanceof WeightFilesError) {
    const hint = choice.candidates.length > 0 ? " (choose one with --file <name>, or give the file's path)" : "";
    throw new UsageError(`${what}: ${choice.message}${hint}`);
  }
  return choice.files;
}

/**
 * A weight file (`.safetensors`, `.gguf`, `pytorch_model.bin` or another `.bin`/`.pt`/`.pth`, an
 * index), or a model folder, whose weight files are chosen as the service chooses them
 * (`chooseWeightFiles`: safetensors, then `.bin`, then GGUF; several GGUF files need `file`).
 */
export function openLocalModel(path: string, options: OpenModelOptions = {}): OpenedModel {
  const full = resolve(path);
  const stats = statSync(full);
  let folder: string;
  let files: string[];
  if (stats.isDirectory()) {
    folder = full;
    const names = readdirSync(full).filter((f) => WEIGHT_FILE.test(f));
    if (options.file !== undefined) {
      const named = resolve(full, options.file);
      if (!relative(full, named).startsWith("..") && existsSync(named)) names.push(relative(full, named).split(sep).join("/"));
    }
    files = chooseOrExplain([...new Set(names)], path, options);
  } else {
    if (!WEIGHT_FILE.test(basename(full))) throw new UsageError(`${path}: not a weight file (.safetensors, .gguf, .bin, .pt, .pth) or a model folder`);
    if (options.file !== undefined) throw new UsageError(`${path} is a file already; --file chooses among a folder's files`);
    folder = dirname(full);
    files = chooseOrExplain(readdirSync(folder), path, { file: basename(full) });
  }
  return {
    model: { files, open: (file) => fileByteSource(join(folder, file)) },
    description: {
      id: basename(stats.isDirectory() ? full : full.replace(/\.(safetensors|gguf|bin|pt|pth)$/, "")),
      source: "local",
      revision: null,
      sha: null,
      family: readFamily(join(folder, "config.json")),
    },
  };
}

function readFamily(configPath: string): string | null {
  if (!existsSync(configPath)) return null;
  try {
    return familyFromConfig(JSON.parse(readFileSync(configPath, "utf8")));
  } catch {
    return null;
  }
}
