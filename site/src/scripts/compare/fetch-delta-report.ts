import type { Report } from "#shared/report";
import { fetchReport } from "../live-card/fetch-report.ts";
import { idPath } from "../../lib/id-path.ts";

/** `GET /api/reports/{id}@{sha}/delta/{base id}@{base sha}`: the service's delta analysis of a model against a base (docs/api.md, Keys). */
export function deltaReportUrl(service: string, model: { id: string; sha: string }, base: { id: string; sha: string }): string {
  return `${service}/api/reports/${idPath(model.id)}@${model.sha}/delta/${idPath(base.id)}@${base.sha}`;
}

const names = (report: Report, other: Report) => report.model.lineage?.base_models.some((b) => b.id.toLowerCase() === other.model.id.toLowerCase()) ?? false;

/**
 * The service's delta analysis of one model against the other at the two reports' commits, or
 * null when it has none (its 404, or anything else: the compare page does without). The model
 * that names the other as its base is asked first, then the other way round.
 */
export async function fetchDeltaReport(service: string, a: Report, b: Report, fetchImpl: typeof fetch = fetch): Promise<Report | null> {
  const pairs: [Report, Report][] = names(b, a) && !names(a, b) ? [[b, a], [a, b]] : [[a, b], [b, a]];
  for (const [model, base] of pairs) {
    if (model.model.sha === null || base.model.sha === null || model.model.source !== "hub" || base.model.source !== "hub") continue;
    const fetched = await fetchReport(deltaReportUrl(service, { id: model.model.id, sha: model.model.sha }, { id: base.model.id, sha: base.model.sha }), fetchImpl);
    if (fetched.kind === "report" && fetched.report.method.base?.id.toLowerCase() === base.model.id.toLowerCase() && fetched.report.model.id.toLowerCase() === model.model.id.toLowerCase()) {
      return fetched.report;
    }
  }
  return null;
}
