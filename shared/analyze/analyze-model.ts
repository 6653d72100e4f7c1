import type { Eigvalsh } from "../linalg/eigvalsh.ts";
import type { LayerPlan } from "../plan/types.ts";
import { planLayers } from "../plan/plan-layers.ts";
import type { AnalysedLayer, FailedLayer, ModelIdentity, Report, SkippedLayer } from "../report/schema.ts";
import { listWeightTensors } from "./list-weight-tensors.ts";
import { tensorValueReader } from "../safetensors/tensor-value-reader.ts";
import type { ByteSource, ModelFiles } from "../safetensors/types.ts";
import { analyzeLayer, type AnalyzeLayerOptions } from "./analyze-layer.ts";
import { describeWeightFormat } from "./describe-weight-format.ts";
import { assembleReport } from "./assemble-report.ts";
import { countBytes } from "./count-bytes.ts";
import { summarizeTensors } from "./summarize-tensors.ts";

export interface AnalysisProgress {
  layersTotal: number;
  layersDone: number;
  layersFailed: number;
  bytesRead: number;
  /** bytes of the analysed tensors: each is read once when its values are held (always when randomizing) */
  bytesTotal: number;
  currentLayer: string | null;
}

export interface AnalyzeModelOptions {
  randomize: boolean;
  seed: number;
  /** names the code that computed the spectra, recorded in the report */
  engine: string;
  eigvalsh?: Eigvalsh;
  /** computes the layers' Grams in place of the float64 path (a GPU: shared/esd/gpu/) */
  grams?: AnalyzeLayerOptions["grams"];
  chunkBytes?: number;
  /** see AnalyzeLayerOptions; by default a layer of up to 256 MiB of float32 values is read once and held */
  holdValuesBytes?: number;
  onProgress?: (progress: AnalysisProgress) => void;
  now?: () => Date;
}

const DEFAULT_HOLD_VALUES_BYTES = 256 * 2 ** 20;

/** What the caller knows about the model; files, parameter count and dtypes are read here. */
export type ModelDescription = Omit<ModelIdentity, "files" | "parameters" | "dtypes">;

/**
 * Analyses every layer of a model, one at a time, streaming each tensor from its file. The model's
 * files are safetensors, PyTorch checkpoints or GGUF (`listWeightTensors`); quantized GGUF layers
 * are dequantized to float32 as they stream, and the report says so (`model.format`, a note).
 */
export async function analyzeModel(model: ModelFiles, description: ModelDescription, options: AnalyzeModelOptions): Promise<Report> {
  const listing = await listWeightTensors(model);
  const { tensors } = listing;
  const plans = planLayers(tensors);
  const analysed = plans.filter((p) => p.skip_reason === undefined);
  const progress: AnalysisProgress = {
    layersTotal: analysed.length,
    layersDone: 0,
    layersFailed: 0,
    bytesRead: 0,
    bytesTotal: analysed.reduce((s, p) => s + (p.tensor.end - p.tensor.begin), 0),
    currentLayer: null,
  };
  const report = () => options.onProgress?.({ ...progress });
  const sources = new Map<string, ByteSource>();
  const open = (file: string) => {
    let source = sources.get(file);
    if (!source) {
      source = countBytes(model.open(file), (n) => (progress.bytesRead += n));
      sources.set(file, source);
    }
    return source;
  };

  const layers: AnalysedLayer[] = [];
  const failed: FailedLayer[] = [];
  report();
  for (const plan of analysed) {
    progress.currentLayer = plan.name;
    report();
    try {
      const read = tensorValueReader(open(plan.tensor.file), plan.tensor, { chunkBytes: options.chunkBytes });
      layers.push(await analyzeLayer(plan, read, { ...options, holdValuesBytes: options.holdValuesBytes ?? DEFAULT_HOLD_VALUES_BYTES }));
    } catch (error) {
      failed.push({ ...layerIdentity(plan), error: errorMessage(error) });
      progress.layersFailed++;
    }
    progress.layersDone++;
    report();
  }
  progress.currentLayer = null;
  report();

  const skipped: SkippedLayer[] = plans
    .filter((p) => p.skip_reason !== undefined)
    .map((p) => ({ ...layerIdentity(p), reason: p.skip_reason! }));
  const files = await Promise.all(listing.files.map(async (name) => ({ name, size: await model.open(name).size() })));
  const identity: ModelIdentity = { ...description, family: description.family ?? listing.family, files, ...summarizeTensors(tensors) };
  const { format, notes } = describeWeightFormat(listing, analysed);
  if (format) identity.format = format;
  return assembleReport({
    identity,
    method: { randomize: options.randomize, seed: options.seed, engine: options.engine },
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

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
