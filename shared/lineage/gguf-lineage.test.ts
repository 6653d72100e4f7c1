import { describe, expect, it } from "vitest";
import { memoryByteSource } from "../safetensors/memory-byte-source.ts";
import { encodeGguf, meta } from "../../test/helpers/write-gguf.ts";
import { ggufLineage } from "./gguf-lineage.ts";
import { listGgufTensors } from "../gguf/list-gguf-tensors.ts";

describe("ggufLineage", () => {
  const entries = (pairs: [string, unknown][]) => new Map(pairs.map(([k, value]) => [k, { value }]));
  it("takes the Hub id from repo_url, else organization/name, else the name", () => {
    expect(
      ggufLineage(
        entries([
          ["general.base_model.count", 3],
          ["general.base_model.0.name", "Llama 3.1 8B"],
          ["general.base_model.0.repo_url", "https://huggingface.co/meta-llama/Llama-3.1-8B"],
          ["general.base_model.1.name", "Mistral-7B-v0.1"],
          ["general.base_model.1.organization", "mistralai"],
          ["general.base_model.2.name", "some model"],
        ]),
      ),
    ).toEqual([
      { id: "meta-llama/Llama-3.1-8B", relation: null, source: "gguf" },
      { id: "mistralai/Mistral-7B-v0.1", relation: null, source: "gguf" },
      { id: "some model", relation: null, source: "gguf" },
    ]);
    expect(
      ggufLineage(
        entries([
          ["general.base_model.count", 2],
          ["general.base_model.0.repo_url", "https://huggingface.co/org/base/tree/main"],
          ["general.base_model.1.repo_url", "https://hf.co/org/base/"],
        ]),
      ),
    ).toEqual([
      { id: "https://huggingface.co/org/base/tree/main", relation: null, source: "gguf" },
      { id: "org/base", relation: null, source: "gguf" },
    ]);
    expect(ggufLineage(entries([["general.base_model.count", 1n]]))).toEqual([]);
    expect(ggufLineage(entries([]))).toEqual([]);
  });

  it("comes with a GGUF file's tensor listing, from its header", async () => {
    const file = encodeGguf({
      metadata: [
        ["general.architecture", meta.string("llama")],
        ["general.base_model.count", meta.u32(1)],
        ["general.base_model.0.repo_url", meta.string("https://huggingface.co/TinyLlama/TinyLlama-1.1B")],
      ],
      tensors: [{ name: "output.weight", type: "F32", ne: [4, 4], data: new Float32Array(16) }],
    });
    const { baseModels } = await listGgufTensors({ files: ["model.gguf"], open: (name) => memoryByteSource(name, file) });
    expect(baseModels).toEqual([{ id: "TinyLlama/TinyLlama-1.1B", relation: null, source: "gguf" }]);
  });
});
