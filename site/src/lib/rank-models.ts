import type { ModelEntry } from "./catalog-types.ts";

export interface RankedModel extends ModelEntry {
  rank: number;
}

/**
 * The leaderboard order: the reference's mean log α-norm of each model's latest report,
 * ascending (lower is better); models without a finite value go last, then by id.
 */
export function rankModels(models: readonly ModelEntry[]): RankedModel[] {
  const metric = (m: ModelEntry) => m.latest.head.summary.reference.log_alpha_norm ?? Number.POSITIVE_INFINITY;
  return [...models]
    .sort((a, b) => metric(a) - metric(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m, i) => ({ ...m, rank: i + 1 }));
}
