import type { LayerOutcome } from "../shared/analyze/analyze-layer-outcome.ts";
import type { LayerSettings } from "../shared/analyze/analyze-model.ts";
import type { LayerPlan } from "../shared/plan/types.ts";
import type { ModelLocation } from "./open-model-file.ts";

/** What a worker thread starts with: the model's files to open and the kernels to instantiate (null: the JS solver). */
export interface LayerWorkerData {
  location: ModelLocation;
  /** the base model's files in a delta analysis (--base), null otherwise */
  baseLocation: ModelLocation | null;
  module: WebAssembly.Module | null;
}

/** The main thread hands a worker one layer at a time. */
export interface LayerJob {
  plan: LayerPlan;
  settings: LayerSettings;
}

/** A worker's answers: bytes read as they are read (for progress), then the layer's outcome. */
export type LayerWorkerMessage = { type: "bytes"; bytes: number } | { type: "outcome"; outcome: LayerOutcome };
