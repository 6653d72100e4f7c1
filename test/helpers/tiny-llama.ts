/**
 * One small Llama-shaped model's weights in memory, written the three ways heavytail reads them —
 * safetensors (Hugging Face names, [rows, cols]), GGUF (llama.cpp names, ne = [cols, rows], any
 * ggml type per tensor) and a torch.save'd pytorch_model.bin — so tests can check that each format
 * gives the same report. Weights are Student-t-like noise plus a rank-one spike (a power-law tail
 * for the fits to find), deterministic in the seed.
 */
import { encodeSafetensors } from "./write-safetensors.ts";
import { encodeGguf, meta, type GgufMeta, type GgufTensorSpec } from "./write-gguf.ts";
import { encodeTorchCheckpoint } from "./write-torch-checkpoint.ts";
import { blockValues, encodeBlock, randomHalf, type BlockSpec } from "./ggml-blocks.ts";
import { seededRandom } from "./seeded-random.ts";
import type { Dtype } from "#shared/safetensors";

export interface TinyTensor {
  hf: string;
  gguf: string;
  /** [rows, cols] (or [n] for a norm) */
  shape: number[];
  values: Float32Array;
}

export interface TinyLlamaOptions {
  hidden?: number;
  intermediate?: number;
  vocab?: number;
  layers?: number;
  seed?: number;
}

function matrix(rows: number, cols: number, random: () => number): Float32Array {
  const values = new Float32Array(rows * cols);
  const u = Float64Array.from({ length: rows }, () => random() - 0.5);
  const v = Float64Array.from({ length: cols }, () => random() - 0.5);
  for (let i = 0; i < values.length; i++) {
    // a ratio of uniforms has a heavy tail; clamp it to keep every value a modest float16
    const noise = Math.max(-30, Math.min(30, (random() - 0.5) / Math.max(random(), 0.02)));
    values[i] = (noise + 12 * u[Math.floor(i / cols)] * v[i % cols]) / Math.sqrt(cols);
  }
  return values;
}

/** The model's tensors, Hugging Face names sorted (as a safetensors file lists them). */
export function tinyLlama(options: TinyLlamaOptions = {}): TinyTensor[] {
  const { hidden = 256, intermediate = 512, vocab = 300, layers = 1, seed = 1 } = options;
  const random = seededRandom(seed);
  const tensors: TinyTensor[] = [
    { hf: "model.embed_tokens.weight", gguf: "token_embd.weight", shape: [vocab, hidden], values: matrix(vocab, hidden, random) },
    { hf: "model.norm.weight", gguf: "output_norm.weight", shape: [hidden], values: Float32Array.from({ length: hidden }, () => 1 + random() / 10) },
    { hf: "lm_head.weight", gguf: "output.weight", shape: [vocab, hidden], values: matrix(vocab, hidden, random) },
  ];
  for (let l = 0; l < layers; l++) {
    const p = `model.layers.${l}`;
    const b = `blk.${l}`;
    tensors.push(
      { hf: `${p}.input_layernorm.weight`, gguf: `${b}.attn_norm.weight`, shape: [hidden], values: Float32Array.from({ length: hidden }, () => 1 + random() / 10) },
      { hf: `${p}.post_attention_layernorm.weight`, gguf: `${b}.ffn_norm.weight`, shape: [hidden], values: Float32Array.from({ length: hidden }, () => 1 + random() / 10) },
      { hf: `${p}.self_attn.q_proj.weight`, gguf: `${b}.attn_q.weight`, shape: [hidden, hidden], values: matrix(hidden, hidden, random) },
      { hf: `${p}.self_attn.k_proj.weight`, gguf: `${b}.attn_k.weight`, shape: [hidden, hidden], values: matrix(hidden, hidden, random) },
      { hf: `${p}.self_attn.v_proj.weight`, gguf: `${b}.attn_v.weight`, shape: [hidden, hidden], values: matrix(hidden, hidden, random) },
      { hf: `${p}.self_attn.o_proj.weight`, gguf: `${b}.attn_output.weight`, shape: [hidden, hidden], values: matrix(hidden, hidden, random) },
      { hf: `${p}.mlp.gate_proj.weight`, gguf: `${b}.ffn_gate.weight`, shape: [intermediate, hidden], values: matrix(intermediate, hidden, random) },
      { hf: `${p}.mlp.up_proj.weight`, gguf: `${b}.ffn_up.weight`, shape: [intermediate, hidden], values: matrix(intermediate, hidden, random) },
      { hf: `${p}.mlp.down_proj.weight`, gguf: `${b}.ffn_down.weight`, shape: [hidden, intermediate], values: matrix(hidden, intermediate, random) },
    );
  }
  return tensors.sort((a, b) => (a.hf < b.hf ? -1 : a.hf > b.hf ? 1 : 0));
}

export function tinySafetensors(tensors: TinyTensor[], dtype: "F32" | "F16" | "BF16" = "F32"): Uint8Array {
  return encodeSafetensors(tensors.map((t) => ({ name: t.hf, dtype, shape: t.shape, data: t.values })));
}

/** How one tensor is stored in a GGUF file: a float type holding its values, or a ggml type with given bytes. */
export type GgufStorage = "F32" | "F16" | "BF16" | { type: string; bytes: Uint8Array };

/** A GGUF file of the tensors under llama.cpp's names, ne = shape reversed, each stored as `storage(tensor)` says (norms always F32). */
export function tinyGguf(tensors: TinyTensor[], storage: (t: TinyTensor) => GgufStorage, extra: [string, GgufMeta][] = []): Uint8Array {
  const specs: GgufTensorSpec[] = tensors.map((t) => {
    const ne = [...t.shape].reverse();
    const how = t.shape.length === 1 ? "F32" : storage(t);
    return typeof how === "string" ? { name: t.gguf, type: how, ne, data: t.values } : { name: t.gguf, type: how.type, ne, data: how.bytes };
  });
  return encodeGguf({ metadata: [["general.architecture", meta.string("llama")], ...extra], tensors: specs });
}

/** Replaces a tensor's values with random blocks of `type` (moderate scales), returning the blocks' bytes and the values they define. */
export function quantizedTensor(t: TinyTensor, type: BlockSpec["type"], seed: number): { bytes: Uint8Array; values: Float32Array } {
  const random = seededRandom(seed);
  const count = t.values.length;
  const perBlock = type.endsWith("_K") ? 256 : 32;
  const specs: BlockSpec[] = [];
  for (let i = 0; i < count / perBlock; i++) {
    const spec = randomBlockSpec(type, random);
    specs.push(spec);
  }
  const blocks = specs.map(encodeBlock);
  const bytes = new Uint8Array(blocks.reduce((s, b) => s + b.byteLength, 0));
  let at = 0;
  for (const b of blocks) {
    bytes.set(b, at);
    at += b.byteLength;
  }
  return { bytes, values: Float32Array.from(specs.flatMap(blockValues)) };
}

// random blocks whose scales are moderate (a real quantizer's are): |d| around 1e-3…1e-2
function randomBlockSpec(type: BlockSpec["type"], random: () => number): BlockSpec {
  const small = () => {
    for (;;) {
      const v = randomHalf(random);
      if (Math.abs(v) > 2 ** -11 && Math.abs(v) < 2 ** -6) return v;
    }
  };
  const ints = (n: number, min: number, max: number) => Array.from({ length: n }, () => min + Math.floor(random() * (max - min + 1)));
  switch (type) {
    case "Q4_0": return { type, d: small(), q: ints(32, 0, 15) };
    case "Q5_0": return { type, d: small(), q: ints(32, 0, 31) };
    case "Q8_0": return { type, d: small(), q: ints(32, -128, 127) };
    case "Q4_1": return { type, d: Math.abs(small()), m: -Math.abs(small()) * 8, q: ints(32, 0, 15) };
    case "Q5_1": return { type, d: Math.abs(small()), m: -Math.abs(small()) * 16, q: ints(32, 0, 31) };
    case "Q2_K": return { type, d: Math.abs(small()), dmin: Math.abs(small()), scales: ints(16, 1, 15), mins: ints(16, 0, 15), q: ints(256, 0, 3) };
    case "Q3_K": return { type, d: small(), scales: ints(16, -32, 31), q: ints(256, -4, 3) };
    case "Q4_K": return { type, d: Math.abs(small()), dmin: Math.abs(small()), scales: ints(8, 1, 63), mins: ints(8, 0, 63), q: ints(256, 0, 15) };
    case "Q5_K": return { type, d: Math.abs(small()), dmin: Math.abs(small()), scales: ints(8, 1, 63), mins: ints(8, 0, 63), q: ints(256, 0, 31) };
    case "Q6_K": return { type, d: small(), scales: ints(16, -128, 127), q: ints(256, -32, 31) };
  }
}

export function tinyTorchCheckpoint(tensors: TinyTensor[], dtype: Dtype = "F32"): Uint8Array {
  return encodeTorchCheckpoint(tensors.map((t) => ({ name: t.hf, dtype, shape: t.shape, data: t.values })));
}
