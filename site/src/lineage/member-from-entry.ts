import { isHubId } from "#shared/lineage";
import { rowFromEntry } from "../leaderboard/leaderboard-row.ts";
import type { LineageMember } from "./lineage-families.ts";

const MAX_RELATION_LENGTH = 40;

/**
 * A model of the service's leaderboard (`GET /api/leaderboard`, its row's `base`: the base its
 * report names first) as a member of the model tree, or null when the entry is not a row. A base
 * that is not a Hub id, or an entry from a service whose rows carry none, makes a member without a
 * parent: it can still be a family's reference row.
 */
export function memberFromEntry(entry: unknown): LineageMember | null {
  const row = rowFromEntry(entry);
  if (row === null) return null;
  const base = (entry as { base?: unknown }).base as { id?: unknown; relation?: unknown } | null | undefined;
  const parent = typeof base?.id === "string" && isHubId(base.id) && base.id.toLowerCase() !== row.id.toLowerCase() ? base.id : null;
  const relation = parent !== null && typeof base?.relation === "string" ? base.relation.slice(0, MAX_RELATION_LENGTH) : null;
  return { row, parent, relation };
}
