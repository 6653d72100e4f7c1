import { describe, expect, it } from "vitest";
import { familyFromConfig } from "./family-from-config.ts";

describe("familyFromConfig", () => {
  it("reads model_type, else the first architecture, else a diffusers pipeline's class (model_index.json or the Hub's config.diffusers)", () => {
    expect(familyFromConfig({ model_type: "llama", architectures: ["LlamaForCausalLM"] })).toBe("llama");
    expect(familyFromConfig({ architectures: ["GPT2LMHeadModel"] })).toBe("GPT2LMHeadModel");
    expect(familyFromConfig({ _class_name: "StableDiffusionPipeline", unet: ["diffusers", "UNet2DConditionModel"] })).toBe("StableDiffusionPipeline");
    expect(familyFromConfig({ diffusers: { _class_name: "FluxPipeline" } })).toBe("FluxPipeline");
    expect(familyFromConfig({ model_type: "x".repeat(500) })).toHaveLength(64);
    expect(familyFromConfig({ model_type: 3, diffusers: "no" })).toBeNull();
    expect(familyFromConfig(null)).toBeNull();
  });
});
