import type { ByteSource } from "../safetensors/types.ts";
import { analyzeLayerOutcome, type LayerOutcomeOptions } from "./analyze-layer-outcome.ts";
import { countBytes } from "./count-bytes.ts";
import type { LayerWorkerAnswer, LayerWorkerJob } from "./layer-worker-pool.ts";

export interface LayerJobSources {
  /** opens one of the model's files (each is opened once here) */
  open: (file: string) => ByteSource;
  /** opens one of the base model's files in a delta analysis */
  openBase?: (file: string) => ByteSource;
}

/** The engine a worker analyses with: its own instance of the kernels, or none (float64 JS). */
export type LayerJobEngine = Pick<LayerOutcomeOptions, "eigvalsh" | "grams" | "loraGrams">;

/**
 * The worker's side of a layer pool (shared/analyze/layer-worker-pool.ts): each job is analysed
 * with analyzeLayerOutcome, the function the in-process loop calls, every byte read posted as it
 * is read and then the outcome. Each file is opened once, on first use.
 */
export function answerLayerJobs(sources: LayerJobSources, engine: LayerJobEngine, post: (answer: LayerWorkerAnswer) => void): (job: LayerWorkerJob) => Promise<void> {
  const onBytes = (bytes: number) => post({ type: "bytes", bytes });
  const opener = (open: (file: string) => ByteSource) => {
    const opened = new Map<string, ByteSource>();
    return (file: string) => {
      if (!opened.has(file)) opened.set(file, open(file));
      return countBytes(opened.get(file)!, onBytes);
    };
  };
  const open = opener(sources.open);
  const openBase = sources.openBase ? opener(sources.openBase) : null;
  return async ({ plan, settings }) => {
    const delta = openBase ? { open, openBase } : undefined;
    post({ type: "outcome", outcome: await analyzeLayerOutcome(plan, open(plan.tensor.file), { ...settings, ...engine }, delta) });
  };
}
