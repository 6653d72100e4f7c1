import type { ModelIdentity } from "../../../shared/report/schema.ts";

/** The base a model names first (its most direct source: the card before an adapter config or GGUF), or null. */
export function firstBase(model: Pick<ModelIdentity, "lineage">): { id: string; relation: string | null } | null {
  const first = model.lineage?.base_models[0];
  return first ? { id: first.id, relation: first.relation } : null;
}
