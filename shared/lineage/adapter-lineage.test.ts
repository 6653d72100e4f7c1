import { describe, expect, it } from "vitest";
import { adapterLineage } from "./adapter-lineage.ts";

describe("adapterLineage", () => {
  const adapter = { peft_type: "LORA", r: 8, lora_alpha: 16, target_modules: null, base_model_name_or_path: "meta-llama/Llama-2-7b-hf" };
  it("names the adapter's base as an adapter relation", () => {
    expect(adapterLineage(adapter)).toEqual([{ id: "meta-llama/Llama-2-7b-hf", relation: "adapter", source: "adapter" }]);
    expect(adapterLineage({ ...adapter, base_model_name_or_path: null })).toEqual([]);
    expect(adapterLineage(undefined)).toEqual([]);
  });
});
