/**
 * Where a module name usually sits in a block's forward pass (lower runs first). Names are
 * sorted alphabetically in safetensors files, which puts `down_proj` before `q_proj`; this table
 * restores the computational order for the common architectures. Unknown names rank in the
 * middle and fall back to alphabetical order.
 */
const RANKS: Record<string, number> = {
  embed_tokens: 0, embeddings: 0, embed: 0, wte: 0, wpe: 1, tok_embeddings: 0, word_embeddings: 0,
  position_embeddings: 1, token_type_embeddings: 2, patch_embed: 0, stem: 0, conv1: 3, bn1: 4,
  self_attn: 10, attn: 10, attention: 10, self: 10, mixer: 10,
  c_attn: 11, qkv: 11, in_proj: 11, query_key_value: 11, Wqkv: 11, qkv_proj: 11,
  q_proj: 11, query: 11, wq: 11, q: 11, k_proj: 12, key: 12, wk: 12, k: 12, v_proj: 13, value: 13, wv: 13, v: 13,
  o_proj: 20, out_proj: 20, wo: 20, o: 20, dense: 20,
  mlp: 30, feed_forward: 30, ffn: 30, intermediate: 30,
  c_fc: 31, fc1: 31, gate_proj: 31, w1: 31, wi: 31, dense_h_to_4h: 31, gate_up_proj: 31,
  up_proj: 32, w3: 32,
  c_proj: 40, fc2: 40, down_proj: 40, w2: 40, dense_4h_to_h: 40, output: 40,
  norm: 90, ln_f: 90, final_layernorm: 90, pooler: 91,
  fc: 95, head: 95, classifier: 95, lm_head: 96, score: 96,
};

export function moduleRank(segment: string): number {
  return RANKS[segment] ?? 50;
}
