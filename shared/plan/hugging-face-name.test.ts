import { describe, expect, it } from "vitest";
import { huggingFaceName } from "./hugging-face-name.ts";

describe("huggingFaceName", () => {
  it.each([
    ["token_embd.weight", "model.embed_tokens.weight"],
    ["output_norm.weight", "model.norm.weight"],
    ["output.weight", "lm_head.weight"],
    ["blk.0.attn_norm.weight", "model.layers.0.input_layernorm.weight"],
    ["blk.12.ffn_norm.weight", "model.layers.12.post_attention_layernorm.weight"],
    ["blk.3.attn_q.weight", "model.layers.3.self_attn.q_proj.weight"],
    ["blk.3.attn_q.bias", "model.layers.3.self_attn.q_proj.bias"],
    ["blk.3.attn_k.weight", "model.layers.3.self_attn.k_proj.weight"],
    ["blk.3.attn_v.weight", "model.layers.3.self_attn.v_proj.weight"],
    ["blk.3.attn_output.weight", "model.layers.3.self_attn.o_proj.weight"],
    ["blk.3.attn_k_norm.weight", "model.layers.3.self_attn.k_norm.weight"],
    ["blk.31.ffn_gate.weight", "model.layers.31.mlp.gate_proj.weight"],
    ["blk.31.ffn_up.weight", "model.layers.31.mlp.up_proj.weight"],
    ["blk.31.ffn_down.weight", "model.layers.31.mlp.down_proj.weight"],
    // not in the Llama naming: kept as written
    ["rope_freqs.weight", "rope_freqs.weight"],
    ["blk.0.ffn_gate_exps.weight", "blk.0.ffn_gate_exps.weight"],
    ["blk.x.attn_q.weight", "blk.x.attn_q.weight"],
  ])("llama: %s → %s", (gguf, hf) => {
    expect(huggingFaceName("llama", gguf)).toBe(hf);
    expect(huggingFaceName("qwen2", gguf)).toBe(hf);
  });

  it("keeps GGUF names for other or unknown architectures", () => {
    expect(huggingFaceName("gpt2", "blk.0.attn_qkv.weight")).toBe("blk.0.attn_qkv.weight");
    expect(huggingFaceName("phi3", "token_embd.weight")).toBe("token_embd.weight");
    expect(huggingFaceName(null, "output.weight")).toBe("output.weight");
  });
});
