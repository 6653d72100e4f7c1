import { describe, expect, it } from "vitest";
import type { Lineage } from "../report/schema.ts";
import { fineTuneBase, firstBase, firstHubBase, isHubId } from "./first-base.ts";

const lineage = (...bases: [string, string | null][]): { lineage: Lineage } => ({
  lineage: { base_models: bases.map(([id, relation]) => ({ id, relation, source: "card" as const })) },
});

describe("firstBase", () => {
  it("takes the first base a model names, and null when it names none", () => {
    const model = { lineage: { base_models: [{ id: "org/base", relation: "finetune", source: "card" as const }, { id: "org/other", relation: null, source: "gguf" as const }] } };
    expect(firstBase(model)).toEqual({ id: "org/base", relation: "finetune" });
    expect(firstBase({})).toBeNull();
    expect(firstBase({ lineage: { base_models: [] } })).toBeNull();
  });
});

describe("firstHubBase", () => {
  it("keeps a Hub id and drops what only a source's author could resolve", () => {
    expect(firstHubBase(lineage(["org/base", "adapter"]))).toEqual({ id: "org/base", relation: "adapter" });
    expect(firstHubBase(lineage(["gpt2", null]))).toEqual({ id: "gpt2", relation: null });
    for (const written of ["/home/me/base", "https://huggingface.co/org/base", "org/base@main", "org/base/tree/v1", ""]) {
      expect(firstHubBase(lineage([written, "finetune"])), written).toBeNull();
    }
  });
});

describe("fineTuneBase", () => {
  it("is the single base of a card that says finetune", () => {
    expect(fineTuneBase(lineage(["org/base", "finetune"]))).toBe("org/base");
  });

  it("is null for merges, adapters, quantized copies, unsaid relations and non-Hub names", () => {
    expect(fineTuneBase(lineage(["org/a", "finetune"], ["org/b", "finetune"]))).toBeNull();
    expect(fineTuneBase(lineage(["org/a", "merge"]))).toBeNull();
    expect(fineTuneBase(lineage(["org/a", "adapter"]))).toBeNull();
    expect(fineTuneBase(lineage(["org/a", "quantized"]))).toBeNull();
    expect(fineTuneBase(lineage(["org/a", null]))).toBeNull();
    expect(fineTuneBase(lineage(["./local/base", "finetune"]))).toBeNull();
    expect(fineTuneBase({})).toBeNull();
  });
});

describe("isHubId", () => {
  it("accepts legacy and namespaced ids", () => {
    for (const id of ["gpt2", "openai-community/gpt2", "meta-llama/Llama-2-7b-hf", "a/b.c_d"]) expect(isHubId(id), id).toBe(true);
  });

  // the mock Hub maps ids to folders through this rule, so none may climb out of a mount
  it("rejects traversal, separators, malformed parts and anything but a bare id", () => {
    for (const text of ["", "..", "a/..", "../a", "a/b/c", "/a", "a/", ".a", "a-", "a--b", "a..b", "a\\b", "a b", " a", "a%2Fb", "a/b.git", "org/base@main", "https://huggingface.co/a/b"]) {
      expect(isHubId(text), text).toBe(false);
    }
  });
});
