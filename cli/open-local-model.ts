import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { ModelDescription } from "../shared/analyze/analyze-model.ts";
import { familyFromConfig } from "../shared/hub/family-from-config.ts";
import type { ModelFiles } from "../shared/safetensors/types.ts";
import { fileByteSource } from "./file-byte-source.ts";
import { UsageError } from "./parse-args.ts";

export interface OpenedModel {
  model: ModelFiles;
  description: ModelDescription;
}

/** A `.safetensors` file, or a model folder (one file, or shards with `model.safetensors.index.json`). */
export function openLocalModel(path: string): OpenedModel {
  const full = resolve(path);
  const stats = statSync(full);
  let folder: string;
  let files: string[];
  if (stats.isDirectory()) {
    folder = full;
    files = readdirSync(full).filter((f) => f.endsWith(".safetensors") || f === "model.safetensors.index.json");
    if (files.length === 0) throw new UsageError(`${path}: the folder holds no .safetensors file`);
  } else {
    if (!full.endsWith(".safetensors")) throw new UsageError(`${path}: not a .safetensors file or a model folder`);
    folder = dirname(full);
    files = [basename(full)];
  }
  return {
    model: { files: files.sort(), open: (file) => fileByteSource(join(folder, file)) },
    description: {
      id: basename(stats.isDirectory() ? full : full.replace(/\.safetensors$/, "")),
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
