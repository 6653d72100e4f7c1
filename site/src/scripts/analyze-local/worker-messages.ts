import type { AnalysisProgress } from "../../../../shared/analyze/analyze-model.ts";
import type { Report } from "../../../../shared/report/schema.ts";
import type { EnginePreference } from "./choose-browser-gram.ts";
import type { LocalFile } from "./local-file.ts";

/** Page → worker: analyse these files. */
export interface StartAnalysis {
  files: LocalFile[];
  engine: EnginePreference;
  randomize: boolean;
  seed: number;
}

/** Worker → page: which engine, how far, the report, or why it stopped. */
export type AnalysisMessage =
  | { type: "engine"; engine: string; note: string }
  | { type: "progress"; progress: AnalysisProgress }
  | { type: "done"; report: Report; seconds: number }
  | { type: "error"; message: string };
