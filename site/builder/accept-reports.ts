import { type Report, validateReport } from "#shared/report";
import type { ReportText } from "./read-report-folder.ts";

export interface AcceptedReport extends ReportText {
  report: Report;
}

/** Parses and validates report documents; a bad one is set aside with its reasons, never rendered. */
export function acceptReports(inputs: readonly ReportText[]): { accepted: AcceptedReport[]; rejected: { source: string; errors: string[] }[] } {
  const accepted: AcceptedReport[] = [];
  const rejected: { source: string; errors: string[] }[] = [];
  for (const input of inputs) {
    let doc: unknown;
    try {
      doc = JSON.parse(input.text);
    } catch (error) {
      rejected.push({ source: input.source, errors: [`not JSON: ${(error as Error).message}`] });
      continue;
    }
    const check = validateReport(doc);
    if (check.ok) accepted.push({ ...input, report: check.report });
    else rejected.push({ source: input.source, errors: check.errors });
  }
  return { accepted, rejected };
}
