import { compareNames } from "../safetensors/compare-names.ts";
import { WeightFilesError } from "./weight-files-error.ts";
import type { WeightKind } from "./weight-kind.ts";

/** One part of a multi-component repo (a diffusers pipeline's unet, text_encoder, vae …): a folder with its own weights. */
export interface WeightComponent {
  /** the folder's name, which prefixes its layers' names (`unet/…`) */
  name: string;
  kind: Exclude<WeightKind, "gguf">;
  /** paths from the repo's root, index first where there is one */
  files: string[];
}

export const PIPELINE_INDEX = "model_index.json";
/** folders of one repo listed for components at most: a diffusers pipeline has about ten */
export const MAX_COMPONENT_FOLDERS = 32;
const WEIGHT_EXTENSIONS = [".safetensors", ".bin", ".pt", ".pth", ".gguf"];

/**
 * Whether a repo's first-level folders must be listed to find its weights, from its root's file
 * names: a diffusers pipeline (`model_index.json`), or a root without any weight file.
 */
export function wantsComponentFolders(rootNames: readonly string[]): boolean {
  return rootNames.includes(PIPELINE_INDEX) || !rootNames.some((n) => WEIGHT_EXTENSIONS.some((ext) => n.endsWith(ext)));
}

/** Weight file stems a component folder may use: diffusers' own, then transformers'. */
const STEMS = ["diffusion_pytorch_model", "model", "pytorch_model"];
/** diffusers' `variant`s, most precise first: a component stored only as `….fp16.safetensors` is read in that variant */
const VARIANTS = ["", "fp32", "fp16", "bf16"];
const FORMATS = [
  { kind: "safetensors", ext: ".safetensors" },
  { kind: "pytorch", ext: ".bin" },
] as const;

const variantOf = (name: string, stem: string, ext: string): string | null => {
  const plain = `${stem}${ext}`;
  if (name === plain || name === `${plain}.index.json`) return "";
  // sharded: `diffusion_pytorch_model-00001-of-00002.safetensors`, `model.fp16-00001-of-00002.safetensors`
  const match = new RegExp(`^${stem.replace(/\./g, "\\.")}(?:\\.([a-z0-9]+))?(?:-\\d{5}-of-\\d{5})?${ext.replace(/\./g, "\\.")}(\\.index\\.json)?$`).exec(name);
  return match ? (match[1] ?? "") : null;
};

/**
 * The weight files of one component folder (names relative to it): by format (safetensors, then
 * `.bin`), by variant (none, fp32, fp16, bf16), by stem; the index with its shards where there is
 * one. Null when the folder holds no weights heavytail reads (a tokenizer, a scheduler).
 */
function chooseInFolder(folder: string, names: string[]): WeightComponent | WeightFilesError | null {
  for (const { kind, ext } of FORMATS) {
    for (const variant of VARIANTS) {
      for (const stem of STEMS) {
        const files = names.filter((n) => variantOf(n, stem, ext) === variant).sort(compareNames);
        if (files.length === 0) continue;
        const index = files.find((n) => n.endsWith(".index.json"));
        const weights = files.filter((n) => n.endsWith(ext));
        if (!index && weights.length > 1) {
          return new WeightFilesError(
            "several_safetensors",
            `the component ${folder} has several ${ext} files (${weights.join(", ")}) and no index saying which form it; name one`,
            weights.map((n) => `${folder}/${n}`),
          );
        }
        if (weights.length === 0) continue;
        return { name: folder, kind, files: (index ? [index, ...weights] : weights).map((n) => `${folder}/${n}`) };
      }
    }
    // a folder of one weight file under another name (`text_encoder/weights.safetensors`)
    const others = names.filter((n) => n.endsWith(ext));
    if (others.length === 1) return { name: folder, kind, files: [`${folder}/${others[0]}`] };
  }
  return null;
}

/**
 * The components of a repo whose weights lie in first-level folders, one per folder, sorted by name
 * (a diffusers pipeline: `model_index.json` at the root, `unet/diffusion_pytorch_model.safetensors`,
 * `text_encoder/model.safetensors`, `vae/…`). Deeper files (`unet/onnx/…`) are not a component's.
 * Pure: no I/O. Null when no folder holds weights.
 */
export function chooseComponentFiles(names: readonly string[]): WeightComponent[] | WeightFilesError | null {
  const folders = new Map<string, string[]>();
  for (const name of names) {
    const parts = name.split("/");
    if (parts.length !== 2 || parts[0] === "" || parts[0].startsWith(".")) continue;
    folders.set(parts[0], [...(folders.get(parts[0]) ?? []), parts[1]]);
  }
  const components: WeightComponent[] = [];
  for (const folder of [...folders.keys()].sort(compareNames)) {
    const component = chooseInFolder(folder, folders.get(folder)!);
    if (component instanceof WeightFilesError) return component;
    if (component) components.push(component);
  }
  return components.length > 0 ? components : null;
}

/**
 * The components a chosen file list spans: every file in a first-level folder, in safetensors or
 * PyTorch form, gives one component per folder (sorted by name, as chosen). Null for a
 * model whose files lie at its root (or a GGUF model, wherever it lies). The report and the
 * listing both derive the components from the files, so the front ends need not carry them.
 */
export function componentsOfFiles(files: readonly string[]): string[] | null {
  if (files.length === 0 || files.some((f) => f.split("/").length !== 2 || f.endsWith(".gguf"))) return null;
  return [...new Set(files.map((f) => f.slice(0, f.indexOf("/"))))].sort(compareNames);
}
