import type { BaseModelRef, Lineage } from "../report/schema.ts";

/** Bases a report lists at most (a merge names a handful; more is a card gone wrong). */
export const MAX_BASE_MODELS = 32;

/**
 * One lineage from the bases each source names, most direct source first: each id once
 * (case-insensitively, as the Hub matches ids), the first source that names it kept, its relation
 * filled in from a later one when the first did not say; undefined when no source names any.
 */
export function mergeLineage(...lists: readonly BaseModelRef[][]): Lineage | undefined {
  const byId = new Map<string, BaseModelRef>();
  for (const ref of lists.flat()) {
    const key = ref.id.toLowerCase();
    const seen = byId.get(key);
    if (!seen) {
      if (byId.size < MAX_BASE_MODELS) byId.set(key, { ...ref });
    } else if (seen.relation === null && ref.relation !== null) seen.relation = ref.relation;
  }
  return byId.size > 0 ? { base_models: [...byId.values()] } : undefined;
}
