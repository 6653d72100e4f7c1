export type LayerRole = "embedding" | "attention" | "mlp" | "conv" | "head" | "other";

export const LAYER_ROLES: readonly LayerRole[] = ["embedding", "attention", "mlp", "conv", "head", "other"];

/** What a layer does, guessed from its name (for colouring plots); conv2d layers are "conv". */
export function layerRole(name: string, layerType: "dense" | "conv2d"): LayerRole {
  const n = name.toLowerCase();
  if (/embed|(^|\.)wte$|(^|\.)wpe$/.test(n)) return "embedding";
  if (layerType === "conv2d") return "conv";
  if (/attn|attention|(^|\.)(q|k|v|o|out|qkv|query|key|value|wq|wk|wv|wo)(_proj)?$|query_key_value/.test(n)) return "attention";
  if (/mlp|ffn|feed_forward|intermediate|(^|\.)(fc1|fc2|c_fc|w1|w2|w3|wi|gate_proj|up_proj|down_proj|dense_h_to_4h|dense_4h_to_h)$/.test(n)) return "mlp";
  if (/lm_head|classifier|(^|\.)(head|fc|score)$/.test(n)) return "head";
  return "other";
}
