import type { BaseModelRef } from "../report/schema.ts";
import type { ModelFiles } from "../safetensors/types.ts";
import { parseGgufHeader } from "../gguf/parse-gguf-header.ts";
import { ggufLineage } from "./gguf-lineage.ts";

/** The bases the first GGUF file of a model names in its metadata (ggufLineage); reads its header only. */
export async function readGgufLineage(model: Pick<ModelFiles, "open">, files: readonly string[]): Promise<BaseModelRef[]> {
  const first = files.find((f) => f.endsWith(".gguf"));
  if (first === undefined) return [];
  const header = await parseGgufHeader(model.open(first), first);
  return ggufLineage(header.metadata);
}
