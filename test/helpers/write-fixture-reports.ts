// Regenerates test/fixtures/reports/*.json from fixture-report-specs.ts (deterministic):
//   npx tsx test/helpers/write-fixture-reports.ts
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { validateReport } from "#shared/report";
import { fixtureReportSpecs } from "./fixture-report-specs.ts";
import { makeReport } from "./make-report.ts";
import { roundTo12 } from "./round-to-12.ts";

const dir = join(import.meta.dirname, "..", "fixtures", "reports");
for (const { file, spec } of fixtureReportSpecs()) {
  const report = makeReport(spec);
  const check = validateReport(JSON.parse(JSON.stringify(report)));
  if (!check.ok) throw new Error(`${file}: ${check.errors.slice(0, 5).join("; ")}`);
  writeFileSync(join(dir, file), JSON.stringify(report, roundTo12) + "\n");
  console.log(`${file}: ${report.layers.length} layers`);
}

