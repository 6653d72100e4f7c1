import { describe, expect, it } from "vitest";
import { layerRole } from "./layer-role.ts";

describe("layerRole", () => {
  it("recognises the usual module names", () => {
    expect(layerRole("model.embed_tokens", "dense")).toBe("embedding");
    expect(layerRole("transformer.wpe", "dense")).toBe("embedding");
    expect(layerRole("model.layers.0.self_attn.q_proj", "dense")).toBe("attention");
    expect(layerRole("transformer.h.0.attn.c_proj", "dense")).toBe("attention");
    expect(layerRole("encoder.layer.0.attention.self.query", "dense")).toBe("attention");
    expect(layerRole("model.layers.0.mlp.down_proj", "dense")).toBe("mlp");
    expect(layerRole("transformer.h.0.mlp.c_proj", "dense")).toBe("mlp");
    expect(layerRole("lm_head", "dense")).toBe("head");
    expect(layerRole("fc", "dense")).toBe("head");
    expect(layerRole("features.3.conv", "conv2d")).toBe("conv");
    expect(layerRole("something.else", "dense")).toBe("other");
  });
});
