import type { BaseModelRef } from "../report/schema.ts";
import { MAX_BASE_MODELS } from "./merge-lineage.ts";

const MAX_ID = 200;

/**
 * The bases a model card names (the Hub's `cardData`, or a README's front matter read by
 * readFrontMatter): `base_model` is one id or a list of them (a merge), `base_model_relation` says
 * how ("finetune", "adapter", "merge", "quantized") for all of them. Anything else is ignored: the
 * card is someone else's text.
 */
export function cardDataLineage(cardData: unknown, source: "card" | "readme"): BaseModelRef[] {
  if (typeof cardData !== "object" || cardData === null || Array.isArray(cardData)) return [];
  const { base_model, base_model_relation } = cardData as Record<string, unknown>;
  const ids = (Array.isArray(base_model) ? base_model : [base_model])
    .filter((id): id is string => typeof id === "string" && id.trim().length > 0)
    .map((id) => id.trim().slice(0, MAX_ID))
    .slice(0, MAX_BASE_MODELS);
  const relation = typeof base_model_relation === "string" && base_model_relation.trim() ? base_model_relation.trim().slice(0, 40) : null;
  return ids.map((id) => ({ id, relation, source }));
}
