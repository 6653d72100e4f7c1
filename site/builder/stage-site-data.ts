import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AccuracyRow, StagedIndex, StagedReport } from "../src/lib/catalog-types.ts";
import type { AcceptedReport } from "./accept-reports.ts";

/**
 * Writes what the pages read: each report's original text under `reports/`, and `index.json`
 * with every report's head (no per-layer arrays) and the accuracies. Pages then load one full
 * report at a time, so the build's memory does not grow with the number of models.
 */
export function stageSiteData(accepted: readonly AcceptedReport[], accuracies: readonly AccuracyRow[], dir: string): StagedIndex {
  mkdirSync(join(dir, "reports"), { recursive: true });
  const reports: StagedReport[] = accepted.map(({ text, report }, i) => {
    const file = `reports/${i}.json`;
    writeFileSync(join(dir, file), text);
    const { layers: _layers, skipped: _skipped, failed: _failed, ...head } = report;
    return { file, head };
  });
  const index: StagedIndex = { reports, accuracies: [...accuracies] };
  writeFileSync(join(dir, "index.json"), JSON.stringify(index));
  return index;
}
