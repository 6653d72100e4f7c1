import { rowFromHead } from "../leaderboard/leaderboard-row.ts";
import type { ModelEntry, StagedReport } from "../lib/catalog-types.ts";
import { plainLatest } from "../lib/plain-latest.ts";
import { firstBase } from "#shared/lineage";
import type { LineageMember } from "./lineage-families.ts";

/** A Hub model the build knows, its report of its own weights, and its place in the model tree. */
export interface SiteLineageEntry {
  model: ModelEntry;
  staged: StagedReport;
  member: LineageMember;
}

/**
 * The build's Hub models as members of the model tree (local reports name no Hub base the site
 * could follow reliably, and a local id may spell a Hub id).
 */
export function siteLineage(models: readonly ModelEntry[]): SiteLineageEntry[] {
  return models
    .filter((model) => model.source === "hub")
    .map((model) => {
      const staged = plainLatest(model);
      const base = firstBase(staged.head.model);
      return { model, staged, member: { row: rowFromHead(staged.head, model.slug), parent: base?.id ?? null, relation: base?.relation ?? null } };
    });
}
