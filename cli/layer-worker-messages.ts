import type { ModelLocation } from "./open-model-file.ts";

/**
 * What a worker thread starts with: the model's files to open and the kernels to instantiate (null:
 * the JS solver). Its jobs and answers are the shared pool's (LayerWorkerJob, LayerWorkerAnswer).
 */
export interface LayerWorkerData {
  location: ModelLocation;
  /** the base model's files in a delta analysis (--base), null otherwise */
  baseLocation: ModelLocation | null;
  module: WebAssembly.Module | null;
}
