import type { Report } from "#shared/report";

/** A safe download name for a report: the model id with anything but [A-Za-z0-9._-] as "-". */
export function reportFileName(report: Report): string {
  const base = report.model.id.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "") || "model";
  return `${base.slice(0, 100)}.heavytail.json`;
}
