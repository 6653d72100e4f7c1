import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { StagedIndex } from "../src/lib/catalog-types.ts";
import { groupReports } from "../src/lib/group-reports.ts";
import { reportPaths } from "../src/lib/report-paths.ts";

/** Copies each published report's original JSON next to its pages (`…/report.json`), byte for byte. */
export function publishRawReports(index: StagedIndex, dataDir: string, outDir: string): number {
  let count = 0;
  for (const model of groupReports(index.reports)) {
    for (const revision of model.revisions) {
      const target = join(outDir, reportPaths(model.slug, revision.head.model.sha).rawJson);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(dataDir, revision.file), target);
      count++;
    }
  }
  return count;
}
