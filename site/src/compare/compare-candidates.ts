import type { CompareCandidate } from "../card/compare-picker.ts";
import { rootBase } from "../lineage/root-base.ts";
import type { SiteLineageEntry } from "../lineage/site-lineage.ts";
import { comparePath, liveComparePath } from "./compare-path.ts";

const MAX = 40;
const key = (id: string) => id.toLowerCase();

function groupBy(entries: readonly SiteLineageEntry[], keyOf: (e: SiteLineageEntry) => string | null): Map<string, SiteLineageEntry[]> {
  const groups = new Map<string, SiteLineageEntry[]>();
  for (const e of entries) {
    const k = keyOf(e);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return groups;
}

/**
 * What each card's compare picker suggests: the model's base and its direct descendants (static
 * pages), then the other models of its tree and of its architecture family (live pages), each
 * once, at most 40. The groups are made once for the whole build, so every card costs little.
 */
export function compareCandidates(entries: readonly SiteLineageEntry[]): (self: SiteLineageEntry) => CompareCandidate[] {
  const byId = new Map(entries.map((e) => [key(e.member.row.id), e]));
  const parentOf = (id: string) => byId.get(key(id))?.member.parent ?? null;
  const rootOf = new Map(entries.map((e) => [e, key(rootBase(e.member.row.id, parentOf))]));
  const children = groupBy(entries, (e) => (e.member.parent === null ? null : key(e.member.parent)));
  const trees = groupBy(entries, (e) => rootOf.get(e)!);
  const families = groupBy(entries, (e) => e.member.row.family);
  return (self) => {
    const id = self.member.row.id;
    const out = new Map<string, CompareCandidate>();
    const add = (e: SiteLineageEntry, href: string, note: string) => {
      if (e !== self && out.size < MAX && !out.has(key(e.member.row.id))) out.set(key(e.member.row.id), { id: e.member.row.id, href, note });
    };
    const base = self.member.parent === null ? undefined : byId.get(key(self.member.parent));
    if (base) add(base, comparePath(self.model, base.model), "its base");
    for (const e of children.get(key(id)) ?? []) add(e, comparePath(e.model, self.model), "made from it");
    for (const e of trees.get(rootOf.get(self)!) ?? []) add(e, liveComparePath(id, e.member.row.id), "same base");
    const family = self.member.row.family;
    for (const e of family === null ? [] : (families.get(family) ?? [])) add(e, liveComparePath(id, e.member.row.id), "same family");
    return [...out.values()];
  };
}
