import type { AdapterInfo, BaseModelRef } from "../report/schema.ts";

/** The base an adapter config names (base_model_name_or_path), as an "adapter" relation. */
export function adapterLineage(adapter: AdapterInfo | undefined): BaseModelRef[] {
  const id = adapter?.base_model_name_or_path?.trim();
  return id ? [{ id, relation: "adapter", source: "adapter" }] : [];
}
