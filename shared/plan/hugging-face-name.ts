/** GGUF architectures whose Hugging Face checkpoints use the Llama module names (model.layers.N.self_attn.q_proj …). */
export const LLAMA_STYLE_ARCHITECTURES = ["llama", "mistral", "qwen2", "qwen3"] as const;

const TOP_LEVEL: Record<string, string> = {
  token_embd: "model.embed_tokens",
  output_norm: "model.norm",
  output: "lm_head",
};

const IN_BLOCK: Record<string, string> = {
  attn_norm: "input_layernorm",
  ffn_norm: "post_attention_layernorm",
  attn_q: "self_attn.q_proj",
  attn_k: "self_attn.k_proj",
  attn_v: "self_attn.v_proj",
  attn_output: "self_attn.o_proj",
  attn_q_norm: "self_attn.q_norm",
  attn_k_norm: "self_attn.k_norm",
  ffn_gate: "mlp.gate_proj",
  ffn_up: "mlp.up_proj",
  ffn_down: "mlp.down_proj",
};

const BLOCK = /^blk\.(\d+)\.([a-z_]+)\.(weight|bias)$/;
const TOP = /^([a-z_]+)\.(weight|bias)$/;

/**
 * The Hugging Face (transformers) name of a llama.cpp tensor, for the architectures whose
 * checkpoints name their modules as Llama does: `blk.3.attn_q.weight` →
 * `model.layers.3.self_attn.q_proj.weight`, `token_embd.weight` → `model.embed_tokens.weight`,
 * `output.weight` → `lm_head.weight`. Any other architecture or tensor keeps its GGUF name.
 */
export function huggingFaceName(architecture: string | null, name: string): string {
  if (architecture === null || !(LLAMA_STYLE_ARCHITECTURES as readonly string[]).includes(architecture)) return name;
  const block = BLOCK.exec(name);
  if (block) {
    const module = IN_BLOCK[block[2]];
    return module === undefined ? name : `model.layers.${block[1]}.${module}.${block[3]}`;
  }
  const top = TOP.exec(name);
  const module = top ? TOP_LEVEL[top[1]] : undefined;
  return module === undefined ? name : `${module}.${top![2]}`;
}
