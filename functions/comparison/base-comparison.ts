/**
 * What became of comparing a fine-tune with the base its card names (docs/api.md, Comparisons):
 * `pending` while the delta analysis runs, `done` when its report is stored, or why there is none:
 * the base is gated, missing, cannot be compared layer by layer, or the analysis failed (a later
 * trigger of the model tries a failed one again; the others stand until the model changes).
 */
export type ComparisonState = "pending" | "done" | "base_gated" | "base_missing" | "base_incompatible" | "failed";

export interface BaseComparison {
  state: ComparisonState;
  /** the model, at the commit its own report is of */
  id: string;
  sha: string;
  /** the base its card names, at the commit compared with (null until the base was resolved) */
  base: { id: string; revision: string; sha: string | null };
  /** the delta analysis's key (docs/api.md, Keys), once one was started */
  key: string | null;
  /** the service's reason, for every state but pending and done */
  message: string | null;
  updated_at: string;
}

// KV: comparison:{id}@{sha} → BaseComparison JSON (a few hundred bytes)
const COMPARISON = "comparison:";

export async function getBaseComparison(kv: KVNamespace, id: string, sha: string): Promise<BaseComparison | null> {
  return kv.get<BaseComparison>(`${COMPARISON}${id}@${sha}`, "json");
}

export async function putBaseComparison(kv: KVNamespace, comparison: Omit<BaseComparison, "updated_at">): Promise<BaseComparison> {
  const stored = { ...comparison, updated_at: new Date().toISOString() };
  await kv.put(`${COMPARISON}${comparison.id}@${comparison.sha}`, JSON.stringify(stored));
  return stored;
}
