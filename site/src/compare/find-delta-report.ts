import type { StagedReport } from "../lib/catalog-types.ts";

/**
 * The newest delta analysis (method.base) of one model against the other, either way round, among
 * the reports the build knows; null when there is none. Ids compare without case, as the Hub's do.
 */
export function findDeltaReport(reports: readonly StagedReport[], a: string, b: string): StagedReport | null {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  const matches = reports.filter((r) => {
    const base = r.head.method.base;
    if (!base || base.source !== "hub" || r.head.model.source !== "hub") return false;
    const [id, of] = [r.head.model.id.toLowerCase(), base.id.toLowerCase()];
    return (id === x && of === y) || (id === y && of === x);
  });
  return [...matches].sort((p, q) => Date.parse(q.head.created_at) - Date.parse(p.head.created_at))[0] ?? null;
}
