import type { Report } from "#shared/report";
import { fixtureReportSpecs } from "./fixture-report-specs.ts";
import { makeReport } from "./make-report.ts";

/** A fixture report by file name (test/helpers/fixture-report-specs.ts), made afresh. */
export function fixtureReport(file: string): Report {
  const found = fixtureReportSpecs().find((f) => f.file === file);
  if (!found) throw new Error(`no fixture spec ${file}`);
  return makeReport(found.spec);
}
