import type { Eigvalsh } from "../linalg/eigvalsh.ts";
import type { LayerPlan } from "../plan/types.ts";
import { planLayers } from "../plan/plan-layers.ts";
import type { AnalysedLayer, DeltaBaseIdentity, FailedLayer, ModelIdentity, Report, SkippedLayer } from "../report/schema.ts";
import { listWeightTensors } from "./list-weight-tensors.ts";
import type { ByteSource, ModelFiles } from "../safetensors/types.ts";
import type { AnalyzeLayerOptions } from "./analyze-layer.ts";
import { analyzeLayerOutcome, type LayerOutcome } from "./analyze-layer-outcome.ts";
import { describeWeightFormat } from "./describe-weight-format.ts";
import { assembleReport } from "./assemble-report.ts";
import { countBytes } from "./count-bytes.ts";
import { summarizeTensors } from "./summarize-tensors.ts";
import { layerMemoryBytes } from "./layer-memory-bytes.ts";
import { runInOrder } from "./run-in-order.ts";
import { checkDeltaPair } from "../delta/check-delta-pair.ts";
import { matchBaseLayers } from "../delta/match-base-layers.ts";
import { DeltaError } from "../delta/delta-error.ts";
import { planLoraWithBase } from "../plan/plan-lora-with-base.ts";
import { isLoraAdapter } from "../plan/plan-lora-layers.ts";
import { mergeLineage } from "../lineage/merge-lineage.ts";

export interface AnalysisProgress {
  layersTotal: number;
  layersDone: number;
  layersFailed: number;
  bytesRead: number;
  /** bytes of the analysed tensors: each is read once when its values are held (always when randomizing) */
  bytesTotal: number;
  /** the earliest of the layers being analysed */
  currentLayer: string | null;
  /** layers being analysed at once (absent: one at a time) */
  layersRunning?: number;
}

/** What a layer's analysis depends on besides its plan and engine: the same in every thread. */
export interface LayerSettings {
  randomize: boolean;
  seed: number;
  holdValuesBytes: number;
  chunkBytes?: number;
}

/**
 * Analyses layers somewhere else than in this loop, several at once (the CLI's worker threads).
 * Results are assembled by layer id, so the report does not depend on which finished first.
 */
export interface LayerRunner {
  /** layers analysed at once */
  concurrency: number;
  /**
   * the layers in flight together may take this many bytes by layerMemoryBytes; a layer over it
   * runs alone (default: no limit)
   */
  memoryBytes?: number;
  /**
   * One layer, every byte read told to onBytes. Resolves to the layer or its error (a failed
   * layer); a rejection means the runner itself broke, and ends the analysis with that error.
   */
  analyze(plan: LayerPlan, settings: LayerSettings, onBytes: (n: number) => void): Promise<LayerOutcome>;
}

export interface AnalyzeModelOptions {
  randomize: boolean;
  seed: number;
  /** names the code that computed the spectra, recorded in the report */
  engine: string;
  eigvalsh?: Eigvalsh;
  /** computes the layers' Grams in place of the float64 path (a GPU: shared/esd/gpu/) */
  grams?: AnalyzeLayerOptions["grams"];
  /** computes lora_BA layers' r × r Grams on the engine (see AnalyzeLayerOptions) */
  loraGrams?: AnalyzeLayerOptions["loraGrams"];
  chunkBytes?: number;
  /** see AnalyzeLayerOptions; by default a layer of up to 256 MiB of float32 values is read once and held */
  holdValuesBytes?: number;
  onProgress?: (progress: AnalysisProgress) => void;
  now?: () => Date;
  /** where layers are analysed (default: here, one at a time, with eigvalsh and grams) */
  runner?: LayerRunner;
  /**
   * a delta analysis (docs/metrics.md §11): every layer is W − W_base against this model, matched by
   * name and shape; a runner other than the default must open the base's files itself
   */
  base?: { model: ModelFiles; description: Omit<DeltaBaseIdentity, "files"> };
  /**
   * "with_base" (with options.base, for a LoRA adapter): the reference's peft="with_base", each
   * lora_BA layer and each W + B·A (`lora_W_plus_AB`) against the base's W (docs/metrics.md §10)
   */
  peft?: "adapter" | "with_base";
}

export const DEFAULT_HOLD_VALUES_BYTES = 256 * 2 ** 20;

/** What the caller knows about the model; files, parameter count and dtypes are read here. */
export type ModelDescription = Omit<ModelIdentity, "files" | "parameters" | "dtypes">;

/**
 * Analyses every layer of a model, one at a time here or several at once through options.runner,
 * streaming each tensor from its file. The model's files are safetensors, PyTorch checkpoints or
 * GGUF (`listWeightTensors`); quantized GGUF layers are dequantized to float32 as they stream, and
 * the report says so (`model.format`, a note).
 */
export async function analyzeModel(model: ModelFiles, description: ModelDescription, options: AnalyzeModelOptions): Promise<Report> {
  const listing = await listWeightTensors(model);
  const { tensors } = listing;
  const baseListing = options.base ? await listWeightTensors(options.base.model) : null;
  const withBase = options.peft === "with_base" && baseListing !== null;
  if (withBase && !isLoraAdapter(tensors)) throw new DeltaError("adapter_delta", "peft with_base analyses a LoRA adapter with its base; the model is not an adapter");
  if (withBase && isLoraAdapter(baseListing.tensors)) throw new DeltaError("adapter_delta", "the base is a LoRA adapter: a base must be a full model");
  if (baseListing && !withBase) checkDeltaPair(listing, baseListing);
  const plans = withBase
    ? planLoraWithBase(tensors, baseListing.tensors)
    : baseListing
      ? matchBaseLayers(planLayers(tensors), tensors, baseListing.tensors)
      : planLayers(tensors);
  const analysed = plans.filter((p) => p.skip_reason === undefined);
  const tensorBytes = (p: LayerPlan) => p.tensor.end - p.tensor.begin + (p.base ? p.base.tensor.end - p.base.tensor.begin : 0);
  const progress: AnalysisProgress = {
    layersTotal: analysed.length,
    layersDone: 0,
    layersFailed: 0,
    bytesRead: 0,
    bytesTotal: analysed.reduce((s, p) => s + tensorBytes(p), 0),
    currentLayer: null,
  };
  const report = () => options.onProgress?.({ ...progress });
  const settings: LayerSettings = {
    randomize: options.randomize,
    seed: options.seed,
    holdValuesBytes: options.holdValuesBytes ?? DEFAULT_HOLD_VALUES_BYTES,
    chunkBytes: options.chunkBytes,
  };
  const runner = options.runner ?? inProcessRunner(model, options);

  const layers: AnalysedLayer[] = [];
  const failed: FailedLayer[] = [];
  const running = new Set<number>();
  const showRunning = () => {
    progress.currentLayer = running.size > 0 ? analysed[Math.min(...running)].name : null;
    if (runner.concurrency > 1) progress.layersRunning = running.size;
  };
  report();
  await runInOrder(
    analysed.length,
    { concurrency: runner.concurrency, budget: runner.memoryBytes ?? Infinity, cost: (i) => layerMemoryBytes(analysed[i], settings) },
    async (i) => {
      const plan = analysed[i];
      running.add(i);
      showRunning();
      report();
      const outcome = await runner.analyze(plan, settings, (n) => (progress.bytesRead += n));
      if ("layer" in outcome) layers.push(outcome.layer);
      else {
        failed.push({ ...layerIdentity(plan), error: outcome.error });
        progress.layersFailed++;
      }
      progress.layersDone++;
      running.delete(i);
      showRunning();
      report();
    },
  );

  const skipped: SkippedLayer[] = plans
    .filter((p) => p.skip_reason !== undefined)
    .map((p) => ({ ...layerIdentity(p), reason: p.skip_reason! }));
  const files = await Promise.all(listing.files.map(async (name) => ({ name, size: await model.open(name).size() })));
  const identity: ModelIdentity = { ...description, family: description.family ?? listing.family, files, ...summarizeTensors(tensors) };
  const { format, notes } = describeWeightFormat(listing, analysed);
  if (format) identity.format = format;
  const lineage = mergeLineage(description.lineage?.base_models ?? [], listing.baseModels ?? []);
  if (lineage) identity.lineage = lineage;
  let base: DeltaBaseIdentity | undefined;
  if (options.base && baseListing) {
    const baseModel = options.base.model;
    base = { ...options.base.description, files: await Promise.all(baseListing.files.map(async (name) => ({ name, size: await baseModel.open(name).size() }))) };
    const at = `${base.id}${base.sha ? ` at ${base.sha.slice(0, 12)}` : ""}`;
    notes.push(
      withBase
        ? `A LoRA adapter analysed with its base ${at} (the reference's peft="with_base"): each lora_W_plus_AB layer's spectrum is of W + B·A, unscaled by lora_alpha / r as the reference adds it; each lora_BA layer is B·A alone.`
        : `A delta analysis against ${at}: every layer's spectrum is of W − W_base, and its metrics describe the update, not the weights themselves.`,
    );
  }
  return assembleReport({
    identity,
    method: { randomize: options.randomize, seed: options.seed, engine: options.engine, ...(base && { base }), ...(withBase && { peft: "with_base" as const }) },
    layers,
    skipped,
    failed,
    createdAt: (options.now ?? (() => new Date()))(),
    notes,
  });
}

function layerIdentity(plan: LayerPlan) {
  return { layer_id: plan.layer_id, name: plan.name, shape: plan.tensor.shape, dtype: plan.tensor.dtype };
}

/** Each file of a model opened once, when first asked for. */
function fileOpener(model: ModelFiles): (file: string) => ByteSource {
  const sources = new Map<string, ByteSource>();
  return (file: string) => {
    let source = sources.get(file);
    if (!source) {
      source = model.open(file);
      sources.set(file, source);
    }
    return source;
  };
}

/** This thread, one layer at a time; each file (the base's too, in a delta analysis) is opened once. */
function inProcessRunner(model: ModelFiles, options: AnalyzeModelOptions): LayerRunner {
  const open = fileOpener(model);
  const openBase = options.base ? fileOpener(options.base.model) : null;
  return {
    concurrency: 1,
    analyze: (plan, settings, onBytes) =>
      analyzeLayerOutcome(
        plan,
        countBytes(open(plan.tensor.file), onBytes),
        { ...settings, eigvalsh: options.eigvalsh, grams: options.grams, loraGrams: options.loraGrams },
        openBase ? { open: (file) => countBytes(open(file), onBytes), openBase: (file) => countBytes(openBase(file), onBytes) } : undefined,
      ),
  };
}
