import { describe, expect, it } from "vitest";
import { firstBase } from "./first-base.ts";

describe("firstBase", () => {
  it("takes the first base a model names, and null when it names none", () => {
    const lineage = { base_models: [{ id: "org/base", relation: "finetune", source: "card" as const }, { id: "org/other", relation: null, source: "gguf" as const }] };
    expect(firstBase({ lineage })).toEqual({ id: "org/base", relation: "finetune" });
    expect(firstBase({})).toBeNull();
    expect(firstBase({ lineage: { base_models: [] } })).toBeNull();
  });
});
