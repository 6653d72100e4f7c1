import { describe, expect, it } from "vitest";
import { AdapterConfigError, parseAdapterConfig } from "./parse-adapter-config.ts";

describe("parseAdapterConfig", () => {
  it("keeps the fields the report records", () => {
    const json = JSON.stringify({ peft_type: "LORA", r: 16, lora_alpha: 32, target_modules: ["q_proj", "v_proj"], base_model_name_or_path: "meta-llama/Llama-2-7b-hf", lora_dropout: 0.05 });
    expect(parseAdapterConfig(json)).toEqual({ peft_type: "LORA", r: 16, lora_alpha: 32, target_modules: ["q_proj", "v_proj"], base_model_name_or_path: "meta-llama/Llama-2-7b-hf" });
  });

  it("keeps a regular-expression target_modules, and makes missing or mistyped fields null", () => {
    expect(parseAdapterConfig(JSON.stringify({ target_modules: ".*proj", r: 2.5, lora_alpha: "8" }))).toEqual({
      peft_type: null,
      r: null,
      lora_alpha: null,
      target_modules: ".*proj",
      base_model_name_or_path: null,
    });
  });

  it("refuses text that is not a JSON object", () => {
    expect(() => parseAdapterConfig("{")).toThrow(AdapterConfigError);
    expect(() => parseAdapterConfig("[1]")).toThrow(AdapterConfigError);
  });
});
