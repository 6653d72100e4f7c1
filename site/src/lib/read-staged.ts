import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Report } from "#shared/report";
import type { StagedIndex } from "./catalog-types.ts";

/** The staged index the build wrote (report heads and accuracies). */
export function readStagedIndex(dataDir: string): StagedIndex {
  return JSON.parse(readFileSync(join(dataDir, "index.json"), "utf8")) as StagedIndex;
}

/** One staged report in full; the build validated it before staging. */
export function readStagedReport(dataDir: string, file: string): Report {
  return JSON.parse(readFileSync(join(dataDir, file), "utf8")) as Report;
}
