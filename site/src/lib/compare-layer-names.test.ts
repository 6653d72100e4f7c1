import { describe, expect, it } from "vitest";
import { compareLayerNames } from "./compare-layer-names.ts";

const order = (names: string[]) => [...names].sort(compareLayerNames);

describe("compareLayerNames", () => {
  it("orders blocks by their index, not as text", () => {
    expect(order(["h.10.attn", "h.2.attn", "h.1.attn"])).toEqual(["h.1.attn", "h.2.attn", "h.10.attn"]);
  });

  it("orders a Llama block as the forward pass runs", () => {
    const block = ["down_proj", "gate_proj", "k_proj", "o_proj", "q_proj", "up_proj", "v_proj"].map((m) =>
      m.endsWith("_proj") && "qkvo".includes(m[0]) ? `model.layers.3.self_attn.${m}` : `model.layers.3.mlp.${m}`,
    );
    expect(order(block).map((n) => n.split(".").pop())).toEqual([
      "q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj",
    ]);
  });

  it("puts embeddings first and the head last", () => {
    expect(order(["lm_head", "model.layers.0.mlp.up_proj", "model.embed_tokens"])).toEqual([
      "model.embed_tokens", "model.layers.0.mlp.up_proj", "lm_head",
    ]);
  });

  it("orders GPT-2's attention and MLP projections", () => {
    expect(order(["h.0.mlp.c_proj", "h.0.mlp.c_fc", "h.0.attn.c_proj", "h.0.attn.c_attn"])).toEqual([
      "h.0.attn.c_attn", "h.0.attn.c_proj", "h.0.mlp.c_fc", "h.0.mlp.c_proj",
    ]);
  });

  it("is a consistent order for unknown names", () => {
    expect(order(["b.x", "a.y", "a.x"])).toEqual(["a.x", "a.y", "b.x"]);
    expect(compareLayerNames("a", "a")).toBe(0);
  });
});
