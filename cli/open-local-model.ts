import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { type ModelDescription, ADAPTER_CONFIG, chooseWeightFiles, type WeightFileChoice, MAX_COMPONENT_FOLDERS, PIPELINE_INDEX, wantsComponentFolders, parseAdapterConfig, WeightFilesError } from "#shared/analyze";
import { familyFromConfig } from "#shared/hub";
import type { ModelFiles } from "#shared/safetensors";
import type { AdapterInfo } from "#shared/report";
import { openModelFile, type ModelLocation } from "./open-model-file.ts";
import { readFrontMatter, cardDataLineage, adapterLineage, mergeLineage } from "#shared/lineage";
import { UsageError } from "./parse-args.ts";

export interface OpenedModel {
  model: ModelFiles;
  description: ModelDescription;
  /** where model.open reads, for worker threads to open the same files */
  location: ModelLocation;
}

export interface OpenModelOptions {
  /** the weight file to analyse when the model has several (`--file`): a name inside the folder or repo */
  file?: string;
}

const WEIGHT_FILE = /\.(safetensors|gguf|bin|pt|pth)$|\.(safetensors|bin)\.index\.json$/;

/** The weight files, as chooseWeightFiles tells them; its refusal as a message that says how to choose. */
export function chooseOrExplain(names: string[], what: string, options: OpenModelOptions): WeightFileChoice {
  const choice = chooseWeightFiles(names, options);
  if (choice instanceof WeightFilesError) {
    const hint = choice.candidates.length > 0 ? " (choose one with --file <name>, or give the file's path)" : "";
    throw new UsageError(`${what}: ${choice.message}${hint}`);
  }
  return choice;
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
  let choice: WeightFileChoice;
  if (stats.isDirectory()) {
    folder = full;
    const names = listFolderWeights(full);
    if (options.file !== undefined) {
      const named = resolve(full, options.file);
      if (!relative(full, named).startsWith("..") && existsSync(named)) names.push(relative(full, named).split(sep).join("/"));
    }
    choice = chooseOrExplain([...new Set(names)], path, options);
  } else {
    if (!WEIGHT_FILE.test(basename(full))) throw new UsageError(`${path}: not a weight file (.safetensors, .gguf, .bin, .pt, .pth) or a model folder`);
    if (options.file !== undefined) throw new UsageError(`${path} is a file already; --file chooses among a folder's files`);
    folder = dirname(full);
    choice = chooseOrExplain(readdirSync(folder), path, { file: basename(full) });
  }
  const location: ModelLocation = { kind: "local", folder };
  const adapter = choice.adapter ? readAdapter(join(folder, ADAPTER_CONFIG), path) : undefined;
  const lineage = mergeLineage(readReadmeLineage(join(folder, "README.md")), adapterLineage(adapter));
  return {
    model: { files: choice.files, open: openModelFile(location) },
    location,
    description: {
      id: basename(stats.isDirectory() ? full : full.replace(/\.(safetensors|gguf|bin|pt|pth)$/, "")),
      source: "local",
      revision: null,
      sha: null,
      family: readFamily(join(folder, "config.json")) ?? readFamily(join(folder, PIPELINE_INDEX)),
      ...(adapter && { adapter }),
      ...(lineage && { lineage }),
    },
  };
}

/** A bad adapter_config.json stops the CLI: the report would otherwise misdescribe the adapter. */
function readAdapter(configPath: string, what: string): AdapterInfo {
  try {
    return parseAdapterConfig(readFileSync(configPath, "utf8"));
  } catch (error) {
    throw new UsageError(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The bases a local README.md's front matter names (base_model, base_model_relation); none when it has no README. */
function readReadmeLineage(readmePath: string) {
  if (!existsSync(readmePath) || statSync(readmePath).size > 1 << 20) return [];
  return cardDataLineage(readFrontMatter(readFileSync(readmePath, "utf8")), "readme");
}

/**
 * A folder's weight files (and the adapter config and pipeline index that change how they are
 * read), with those of its first-level folders when its weights lie there (a diffusers pipeline).
 */
function listFolderWeights(folder: string): string[] {
  const own = (dir: string) => readdirSync(join(folder, dir), { withFileTypes: true });
  const entries = own("");
  const names = entries.filter((e) => !e.isDirectory() && (WEIGHT_FILE.test(e.name) || e.name === ADAPTER_CONFIG || e.name === PIPELINE_INDEX)).map((e) => e.name);
  if (!wantsComponentFolders(names)) return names;
  const folders = entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name).sort().slice(0, MAX_COMPONENT_FOLDERS);
  for (const dir of folders) {
    for (const e of own(dir)) if (!e.isDirectory() && WEIGHT_FILE.test(e.name)) names.push(`${dir}/${e.name}`);
  }
  return names;
}

function readFamily(configPath: string): string | null {
  if (!existsSync(configPath)) return null;
  try {
    return familyFromConfig(JSON.parse(readFileSync(configPath, "utf8")));
  } catch {
    return null;
  }
}
