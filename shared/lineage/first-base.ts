import { parseModelId } from "../hub/parse-model-id.ts";
import type { ModelIdentity } from "../report/schema.ts";

export interface NamedBase {
  id: string;
  relation: string | null;
}

/** The base a model names first (its most direct source: the card before an adapter config or GGUF), or null. */
export function firstBase(model: Pick<ModelIdentity, "lineage">): NamedBase | null {
  const first = model.lineage?.base_models[0];
  return first ? { id: first.id, relation: first.relation } : null;
}

/**
 * The first base when it is a Hub id as the Hub spells ids (`org/name`, no revision, no URL): what
 * a row, a badge or a comparison can look up. A path or a name the source wrote gives null.
 */
export function firstHubBase(model: Pick<ModelIdentity, "lineage">): NamedBase | null {
  const first = firstBase(model);
  return first !== null && isHubId(first.id) ? first : null;
}

/**
 * The one base a fine-tune was trained from, when its card says exactly that (a single base,
 * `base_model_relation: finetune`): the pair a delta analysis compares. Merges, adapters, quantized
 * copies and cards that name several bases or no relation give null.
 */
export function fineTuneBase(model: Pick<ModelIdentity, "lineage">): string | null {
  const bases = model.lineage?.base_models ?? [];
  return bases.length === 1 && bases[0].relation === "finetune" && isHubId(bases[0].id) ? bases[0].id : null;
}

/** Whether a text is a Hub model id as the Hub spells one (`org/name` or a legacy `name`; no revision, no URL). */
export function isHubId(text: string): boolean {
  try {
    const ref = parseModelId(text);
    return ref.id === text && ref.revision === null;
  } catch {
    return false;
  }
}
