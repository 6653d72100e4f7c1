import type { BaseModelRef } from "../report/schema.ts";
import { isOrgHubId } from "./is-org-hub-id.ts";
import { MAX_BASE_MODELS } from "./merge-lineage.ts";

// a repo's page, whose path is the id; a page below it (/tree/<rev>, a file) is not the repo's url
const HUB_URL = /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/(.+?)\/?$/;

/**
 * The bases a GGUF file names (llama.cpp's `general.base_model.count` and, for each i,
 * `general.base_model.{i}.name` / `.organization` / `.repo_url`): the Hub id from a huggingface.co
 * repo_url, else organization/name, else the name as written. GGUF does not say the relation.
 */
export function ggufLineage(metadata: ReadonlyMap<string, { value: unknown }>): BaseModelRef[] {
  const text = (key: string) => {
    const value = metadata.get(key)?.value;
    return typeof value === "string" && value.trim() ? value.trim().slice(0, 200) : null;
  };
  const count = Number(metadata.get("general.base_model.count")?.value ?? 0);
  const refs: BaseModelRef[] = [];
  for (let i = 0; i < Math.min(Number.isInteger(count) ? count : 0, MAX_BASE_MODELS); i++) {
    const url = text(`general.base_model.${i}.repo_url`);
    const name = text(`general.base_model.${i}.name`);
    const org = text(`general.base_model.${i}.organization`);
    const path = url ? HUB_URL.exec(url)?.[1] : undefined;
    const fromUrl = path !== undefined && isOrgHubId(path) ? path : undefined;
    const id = fromUrl ?? (org && name ? `${org}/${name}` : (name ?? url));
    if (id) refs.push({ id, relation: null, source: "gguf" });
  }
  return refs;
}
