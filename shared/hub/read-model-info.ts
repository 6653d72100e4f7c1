import { familyFromConfig } from "./family-from-config.ts";
import { ModelLookupError } from "./model-lookup-error.ts";
import type { BaseModelRef } from "../report/schema.ts";
import { cardDataLineage } from "../lineage/card-data-lineage.ts";

export interface ModelInfoFacts {
  id: string;
  sha: string;
  private: boolean;
  gated: false | "auto" | "manual";
  lastModified: string | null;
  family: string | null;
  /** the bases the model card names (cardData.base_model, base_model_relation); empty when none */
  baseModels: BaseModelRef[];
}

const SHA = /^[0-9a-f]{40}$/;
const GATED = [false, "auto", "manual"];

/**
 * What a lookup takes from @huggingface/hub's `modelInfo` result (`name` is the Hub's `id`,
 * `updatedAt` its `lastModified`), checked: the library passes the Hub's JSON through unchecked,
 * and a Hub answering something else must be a typed error, not a TypeError later on. The Hub
 * matches ids case-insensitively and answers its own spelling; any other id it answers (a
 * renamed repo's new one) is not taken, so the Hub cannot rename what was asked for.
 */
export function readModelInfo(info: unknown, askedId: string): ModelInfoFacts {
  const unexpected = (what: string) => new ModelLookupError("hub_error", 502, `the Hub answered an unexpected model info for ${askedId}: ${what}`);
  if (typeof info !== "object" || info === null) throw unexpected("not an object");
  const { name, sha, private: isPrivate, gated, updatedAt, config, cardData } = info as Record<string, unknown>;
  if (typeof name !== "string") throw unexpected("no id");
  if (typeof sha !== "string" || !SHA.test(sha)) throw unexpected("no commit sha");
  if (typeof isPrivate !== "boolean") throw unexpected("no private flag");
  if (!GATED.includes(gated as never)) throw unexpected(`gated is not false, "auto" or "manual"`);
  const date = updatedAt instanceof Date && !Number.isNaN(updatedAt.getTime()) ? updatedAt : null;
  return {
    id: name.toLowerCase() === askedId.toLowerCase() ? name : askedId,
    sha,
    private: isPrivate,
    gated: gated as ModelInfoFacts["gated"],
    lastModified: date === null ? null : date.toISOString(),
    family: familyFromConfig(config),
    baseModels: cardDataLineage(cardData, "card"),
  };
}
