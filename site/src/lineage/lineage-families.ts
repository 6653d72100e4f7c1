import { compareRows, type LeaderboardRow } from "../leaderboard/leaderboard-row.ts";
import { rootBase } from "./root-base.ts";

/** One model of the site, with the base its report names first (model.lineage). */
export interface LineageMember {
  row: LeaderboardRow;
  /** the id of the base it names first, null when it names none */
  parent: string | null;
  /** how it was made from that base (finetune, adapter, quantized, merge), null when not said */
  relation: string | null;
}

/** All descendants of one root base: the base is the family's reference row. */
export interface LineageFamily {
  /** the root's id: the known base's spelling, or as its descendants name it when the site has no report of it */
  root: string;
  /** the root's own member, null when the site has no report of the base */
  base: LineageMember | null;
  /** every descendant, at any depth, ranked by log α-norm (the leaderboard's order) */
  members: LineageMember[];
}

const key = (id: string) => id.toLowerCase();

/**
 * Groups models by the root of their model tree (Hub ids compare without case, as the Hub's do).
 * Only trees with at least one descendant are families; the largest comes first, ties by root id.
 */
export function lineageFamilies(models: readonly LineageMember[]): LineageFamily[] {
  const known = new Map(models.map((m) => [key(m.row.id), m]));
  const parentOf = (id: string) => known.get(key(id))?.parent ?? null;
  const families = new Map<string, LineageFamily>();
  for (const member of models) {
    if (member.parent === null) continue;
    const root = rootBase(member.row.id, parentOf);
    if (key(root) === key(member.row.id)) continue;
    const base = known.get(key(root)) ?? null;
    const family = families.get(key(root)) ?? { root: base?.row.id ?? root, base, members: [] };
    family.members.push(member);
    families.set(key(root), family);
  }
  return [...families.values()]
    .map((f) => ({ ...f, members: [...f.members].sort((a, b) => compareRows(a.row, b.row)) }))
    .sort((a, b) => b.members.length - a.members.length || (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
}
