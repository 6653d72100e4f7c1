import type { StagedIndex } from "../lib/catalog-types.ts";
import { groupReports } from "../lib/group-reports.ts";
import { reportPaths } from "../lib/report-paths.ts";
import { siteLineage, type SiteLineageEntry } from "../lineage/site-lineage.ts";
import { comparePairs } from "./compare-pairs.ts";
import { comparePath } from "./compare-path.ts";
import { findDeltaReport } from "./find-delta-report.ts";

/** One static compare page: the model, its base, the delta analysis between them if the build has one. */
export interface SiteComparePair {
  path: string;
  a: SiteLineageEntry;
  b: SiteLineageEntry;
  delta: { file: string; href: string | null } | null;
}

/**
 * Every pair the build gives a static compare page (a model and the base it names, both known),
 * with the delta report between them; the delta report's own page is linked when it has one.
 */
export function siteComparePairs(index: StagedIndex): SiteComparePair[] {
  const models = groupReports(index.reports);
  return comparePairs(siteLineage(models)).map(({ a, b }) => {
    const delta = findDeltaReport(index.reports, a.model.id, b.model.id);
    const owner = delta && models.find((m) => m.revisions.includes(delta));
    return {
      path: comparePath(a.model, b.model),
      a,
      b,
      delta: delta && { file: delta.file, href: owner && delta.head.model.sha ? reportPaths(owner.slug, delta.head.model.sha).base : null },
    };
  });
}
