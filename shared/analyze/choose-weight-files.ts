import { compareNames } from "../safetensors/compare-names.ts";
import { SAFETENSORS_INDEX } from "../safetensors/list-model-tensors.ts";
import { PYTORCH_INDEX } from "../pytorch/list-pytorch-tensors.ts";
import { ggufSplitName } from "../gguf/gguf-split-name.ts";
import { WeightFilesError } from "./weight-files-error.ts";
import { chooseComponentFiles, PIPELINE_INDEX, type WeightComponent } from "./choose-component-files.ts";
import type { WeightKind } from "./weight-kind.ts";

/** The files that hold a model's weights, and their format. */
export interface WeightFileChoice {
  kind: WeightKind;
  /** the files to read, index first where there is one */
  files: string[];
  /**
   * true for a PEFT adapter (adapter_model.safetensors beside adapter_config.json): its layers are
   * its lora_BA products (docs/metrics.md §10), and the config is read for the report
   */
  adapter?: true;
  /** present for a multi-component repo (a diffusers pipeline): each folder's weights; `files` lists them all */
  components?: WeightComponent[];
}

const TORCH_EXTENSIONS = [".bin", ".pt", ".pth"];
/** `.bin` files of Hub repos that are not weights (trainer state, optimizer, adapters for another model) */
const NOT_WEIGHTS = /^(training_args|optimizer|scheduler|scaler|rng_state.*|adapter_model)\.bin$/;
/** GGUF sidecars loaded next to a model (multimodal projectors, multi-token-prediction heads) */
const SIDECAR = /(^|\/)(mmproj|mtp)-[^/]*$/i;
const MAX_LISTED = 20;
export const ADAPTER_WEIGHTS = "adapter_model.safetensors";
export const ADAPTER_CONFIG = "adapter_config.json";

const isTorch = (name: string) => TORCH_EXTENSIONS.some((ext) => name.endsWith(ext));
const list = (names: string[]) => (names.length > MAX_LISTED ? `${names.slice(0, MAX_LISTED).join(", ")}, … (${names.length} in all)` : names.join(", "));

/** GGUF models among the files: a single file, or a split model named by its first shard (all its shards present). */
function ggufModels(names: string[]): { name: string; files: string[]; complete: boolean }[] {
  const models = new Map<string, { name: string; files: string[]; count: number }>();
  for (const name of names.filter((n) => n.endsWith(".gguf"))) {
    const split = ggufSplitName(name);
    const key = split ? `${split.prefix}\u0000${split.count}` : name;
    const model = models.get(key) ?? { name: split ? `${split.prefix}-00001-of-${String(split.count).padStart(5, "0")}.gguf` : name, files: [], count: split?.count ?? 1 };
    model.files.push(name);
    models.set(key, model);
  }
  return [...models.values()]
    .map((m) => ({ name: m.name, files: m.files.sort(compareNames), complete: m.files.length === m.count }))
    .sort((a, b) => compareNames(a.name, b.name));
}

function chooseNamed(names: string[], file: string): WeightFileChoice | WeightFilesError {
  const wanted = file.replace(/^\.\//, "");
  const weights = candidates(names);
  if (wanted.split("/").some((s) => s === ".." || s === "") || wanted.length > 1024) {
    return new WeightFilesError("file_not_found", `${JSON.stringify(file.slice(0, 200))} is not a file name in the model`, weights);
  }
  const split = ggufSplitName(wanted);
  if (!names.includes(wanted) && !split) {
    return new WeightFilesError("file_not_found", `the model has no file ${JSON.stringify(wanted)}${weights.length ? `; its weight files: ${list(weights)}` : ""}`, weights);
  }
  const root = names.filter((n) => !n.includes("/"));
  if (wanted === SAFETENSORS_INDEX) return { kind: "safetensors", files: [wanted, ...root.filter((n) => n.endsWith(".safetensors")).sort(compareNames)] };
  if (wanted === PYTORCH_INDEX) return { kind: "pytorch", files: [wanted, ...root.filter(isTorch).sort(compareNames)] };
  if (wanted === ADAPTER_WEIGHTS && root.includes(ADAPTER_CONFIG)) return { kind: "safetensors", files: [wanted], adapter: true };
  if (wanted.endsWith(".safetensors")) return { kind: "safetensors", files: [wanted] };
  if (isTorch(wanted)) return { kind: "pytorch", files: [wanted] };
  if (wanted.endsWith(".gguf")) {
    if (!split) return { kind: "gguf", files: [wanted] };
    const model = ggufModels(names).find((m) => m.files.includes(wanted) || m.name === wanted);
    if (!model || !model.complete) {
      return new WeightFilesError("missing_shards", `${wanted} is a shard of a split GGUF model whose ${split.count} shards are not all in the model`, weights);
    }
    return { kind: "gguf", files: model.files };
  }
  return new WeightFilesError("unsupported_file", `${wanted} is not a weight file heavytail reads (.safetensors, .bin/.pt/.pth, .gguf)`, weights);
}

/** The components of a repo whose weights lie in folders, as one choice; null when no folder holds weights. */
function componentChoice(names: string[]): WeightFileChoice | WeightFilesError | null {
  const components = chooseComponentFiles(names);
  if (components === null || components instanceof WeightFilesError) return components;
  return { kind: components[0].kind, files: components.flatMap((c) => c.files), components };
}

/** Every file or model a user could name: safetensors and torch files, GGUF models (first shard for split ones). */
function candidates(names: string[]): string[] {
  const files = names.filter((n) => n.endsWith(".safetensors") || (isTorch(n) && !NOT_WEIGHTS.test(n.split("/").pop()!)));
  return [...files.sort(compareNames), ...ggufModels(names).map((m) => m.name)];
}

/**
 * Which files hold a model's weights, from the names of its files (a Hub repo's listing or a
 * folder's), as one policy for the CLI and the service. Safetensors first: the sharded index, else
 * `model.safetensors`, else a PEFT adapter (`adapter_model.safetensors` with `adapter_config.json`,
 * marked `adapter`), else the only `.safetensors` file at the root. Then PyTorch: the
 * `pytorch_model.bin.index.json` index, else `pytorch_model.bin`. Then GGUF: the one GGUF model
 * (a file, or a split model's shards; sidecars such as `mmproj-*.gguf` set aside when one other
 * model remains). A diffusers pipeline (`model_index.json`), or a repo with weights only in
 * first-level folders, is its components: each folder's weights by the same order, in
 * `components` (`chooseComponentFiles`). Several candidates of the chosen kind, or none, give a WeightFilesError listing
 * what a user could name; `options.file` names one (any file above, at any depth, or a split
 * model's first shard) and overrides the policy. Pure: no I/O.
 */
export function chooseWeightFiles(files: readonly (string | { name: string })[], options: { file?: string } = {}): WeightFileChoice | WeightFilesError {
  const names = files.map((f) => (typeof f === "string" ? f : f.name));
  if (options.file !== undefined) return chooseNamed(names, options.file);
  const root = names.filter((n) => !n.includes("/"));

  const safetensors = root.filter((n) => n.endsWith(".safetensors")).sort(compareNames);
  // diffusers names a model's weights diffusion_pytorch_model.*, whatever their format
  const index = [SAFETENSORS_INDEX, "diffusion_pytorch_model.safetensors.index.json"].find((n) => root.includes(n));
  if (index) return { kind: "safetensors", files: [index, ...safetensors] };
  const single = ["model.safetensors", "diffusion_pytorch_model.safetensors"].find((n) => root.includes(n));
  if (single) return { kind: "safetensors", files: [single] };
  if (root.includes(ADAPTER_WEIGHTS) && root.includes(ADAPTER_CONFIG)) return { kind: "safetensors", files: [ADAPTER_WEIGHTS], adapter: true };
  if (safetensors.length === 1) return { kind: "safetensors", files: safetensors };
  if (safetensors.length > 1) {
    return new WeightFilesError(
      "several_safetensors",
      `the model has several safetensors files (${list(safetensors)}) and no ${SAFETENSORS_INDEX} saying which form the model; name one`,
      safetensors,
    );
  }

  if (root.includes(PYTORCH_INDEX)) return { kind: "pytorch", files: [PYTORCH_INDEX, ...root.filter((n) => isTorch(n) && !NOT_WEIGHTS.test(n)).sort(compareNames)] };
  const pytorchIndex = ["diffusion_pytorch_model.bin.index.json"].find((n) => root.includes(n));
  if (pytorchIndex) return { kind: "pytorch", files: [pytorchIndex, ...root.filter((n) => isTorch(n) && !NOT_WEIGHTS.test(n)).sort(compareNames)] };
  const checkpoint = ["pytorch_model.bin", "diffusion_pytorch_model.bin"].find((n) => root.includes(n));
  if (checkpoint) return { kind: "pytorch", files: [checkpoint] };

  // a diffusers pipeline (model_index.json) is its components, even when a GGUF export sits beside them
  if (root.includes(PIPELINE_INDEX)) {
    const pipeline = componentChoice(names);
    if (pipeline) return pipeline;
  }

  const models = ggufModels(names).filter((m) => m.complete);
  const main = models.filter((m) => !SIDECAR.test(m.name));
  const pick = main.length === 1 ? main : models.length === 1 ? models : [];
  if (pick.length === 1) return { kind: "gguf", files: pick[0].files };
  if (models.length > 1) {
    return new WeightFilesError("several_gguf", `the model has ${models.length} GGUF files (${list(models.map((m) => m.name))}); name the one to analyse`, models.map((m) => m.name));
  }

  const checkpoints = root.filter((n) => isTorch(n) && !NOT_WEIGHTS.test(n)).sort(compareNames);
  const folders = checkpoints.length === 0 ? componentChoice(names) : null;
  if (folders) return folders;
  if (checkpoints.length > 0) {
    return new WeightFilesError(
      "several_checkpoints",
      `the model has no safetensors, pytorch_model.bin or GGUF weights, but ${list(checkpoints)}; name the checkpoint to analyse`,
      checkpoints,
    );
  }
  return new WeightFilesError("no_weight_files", "the model has no weights heavytail reads (safetensors, pytorch_model.bin or GGUF)");
}
