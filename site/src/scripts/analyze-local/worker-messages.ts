import type { AnalysisProgress } from "#shared/analyze";
import type { Report } from "#shared/report";
import type { EnginePreference } from "./choose-browser-gram.ts";
import type { LocalFile } from "./local-file.ts";

/** Page → worker: analyse these files. */
export interface StartAnalysis {
  type: "start";
  files: LocalFile[];
  engine: EnginePreference;
  randomize: boolean;
  seed: number;
  /** Web Workers that analyse layers at once (1: every layer in the analysis worker itself) */
  workers: number;
  /** the budget of the layers in flight together, by layerMemoryBytes */
  memoryBytes: number;
}

/**
 * Page → worker: a new choice replaces this analysis. The worker ends its layer workers itself and
 * closes, because a nested worker is only ended by the browser some time after its parent is
 * terminated; the page terminates it only if it has not closed within a grace period.
 */
export interface StopAnalysis {
  type: "stop";
}

/**
 * Analysis worker → each layer worker of its pool, before the first layer: the files to open and
 * the Gram engine the analysis chose ("cpu", or the backend every worker must start as well).
 */
export interface StartLayerWorker {
  files: LocalFile[];
  gram: "cpu" | "webgpu" | "webgl2";
  /** the report's method.engine for that choice: a worker whose engine differs refuses to start */
  engine: string;
}

/** Worker → page: which engine, how far, the report, or why it stopped. */
export type AnalysisMessage =
  | { type: "engine"; engine: string; note: string }
  | { type: "progress"; progress: AnalysisProgress }
  | { type: "done"; report: Report; seconds: number }
  | { type: "error"; message: string };
