import type { LayerSpec } from "./make-layer.ts";

/** Llama-style decoder: embedding, 7 projections per block, lm_head (names as transformers writes them). */
export function llamaLayout(blocks: number, hidden: number, mlp: number, vocab: number): LayerSpec[] {
  const layers: LayerSpec[] = [{ name: "model.embed_tokens", shape: [vocab, hidden], dtype: "BF16" }];
  for (let b = 0; b < blocks; b++) {
    const p = `model.layers.${b}`;
    for (const m of ["q_proj", "k_proj", "v_proj", "o_proj"]) {
      layers.push({ name: `${p}.self_attn.${m}`, shape: [hidden, hidden], dtype: "BF16" });
    }
    layers.push({ name: `${p}.mlp.gate_proj`, shape: [mlp, hidden], dtype: "BF16" });
    layers.push({ name: `${p}.mlp.up_proj`, shape: [mlp, hidden], dtype: "BF16" });
    layers.push({ name: `${p}.mlp.down_proj`, shape: [hidden, mlp], dtype: "BF16" });
  }
  layers.push({ name: "lm_head", shape: [vocab, hidden], dtype: "BF16" });
  return layers;
}

/** GPT-2-style blocks (Conv1D weights stored in × out), position embedding included. */
export function gpt2Layout(blocks: number, hidden: number): LayerSpec[] {
  const layers: LayerSpec[] = [{ name: "transformer.wpe", shape: [1024, hidden] }];
  for (let b = 0; b < blocks; b++) {
    const p = `transformer.h.${b}`;
    layers.push({ name: `${p}.attn.c_attn`, shape: [hidden, 3 * hidden] });
    layers.push({ name: `${p}.attn.c_proj`, shape: [hidden, hidden] });
    layers.push({ name: `${p}.mlp.c_fc`, shape: [hidden, 4 * hidden] });
    layers.push({ name: `${p}.mlp.c_proj`, shape: [4 * hidden, hidden] });
  }
  return layers;
}

/** A small VGG-like convnet: 3×3 conv stages then a dense classifier. */
export function convnetLayout(stages: number[], classes: number): LayerSpec[] {
  const layers: LayerSpec[] = [];
  let channels = 3;
  stages.forEach((width, i) => {
    layers.push({ name: `features.${i}.conv`, shape: [width, channels, 3, 3] });
    channels = width;
  });
  layers.push({ name: "classifier.fc", shape: [classes, channels] });
  return layers;
}
