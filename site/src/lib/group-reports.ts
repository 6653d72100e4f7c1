import type { ModelEntry, StagedReport } from "./catalog-types.ts";
import { modelSlug } from "./model-slug.ts";

const newestFirst = (a: StagedReport, b: StagedReport) =>
  Date.parse(b.head.created_at) - Date.parse(a.head.created_at) || a.file.localeCompare(b.file);

/**
 * Groups reports by model. A model's latest report is its newest; of several reports for the
 * same commit (or, for local reports, with no commit at all) only the newest is kept, since
 * they would share one page.
 */
export function groupReports(reports: readonly StagedReport[]): ModelEntry[] {
  const byModel = new Map<string, StagedReport[]>();
  for (const report of reports) {
    const key = `${report.head.model.source}\u0000${report.head.model.id}`;
    byModel.set(key, [...(byModel.get(key) ?? []), report]);
  }
  return [...byModel.values()].map((list) => {
    const seen = new Set<string | null>();
    // a delta analysis (method.base) describes W − W_base, not the model: never its latest while a report of its own exists
    const revisions = [...list].sort((a, b) => Number(Boolean(a.head.method.base)) - Number(Boolean(b.head.method.base)) || newestFirst(a, b)).filter((r) => !seen.has(r.head.model.sha) && seen.add(r.head.model.sha));
    const { id, source } = revisions[0].head.model;
    return { slug: modelSlug(id, source), id, source, latest: revisions[0], revisions };
  });
}
