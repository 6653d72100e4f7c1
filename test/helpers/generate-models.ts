/**
 * Synthetic model folders in the Hub's layout, deterministic from a seed, for the mock Hub, the
 * end-to-end tests and the benchmarks. Weights are heavy-tailed noise plus a few planted rank-one
 * spikes, so each matrix has a power-law tail and outliers for the fits to find.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { endianness } from "node:os";
import { join } from "node:path";
import { encodeSafetensors, encodeSafetensorsIndex, encodeSafetensorsRaw, floatToHalfBits, type TensorSpec } from "./write-safetensors.ts";
import { seededRandom } from "./seeded-random.ts";

export type GeneratedDtype = "BF16" | "F16" | "F32";

/** How a weight tensor's values are drawn. */
export interface WeightShape {
  /** tail exponent μ of the entries: P(|x| > t) ~ t^-μ; 2 < μ < 4 gives the "weakly heavy-tailed" spectra of trained layers (default 3) */
  tailExponent?: number;
  /** strengths of the planted rank-one spikes, as multiples of the noise's spectral edge (default [1.5, 2.5, 4]) */
  spikes?: number[];
}

export interface LlamaLikeOptions extends WeightShape {
  hidden: number;
  intermediate: number;
  layers: number;
  vocab: number;
  dtype?: GeneratedDtype;
  /** number of `model-0000k-of-0000n.safetensors` files (default 1, still with an index) */
  shards?: number;
  /** attention heads (default hidden / 128, at least 1); k_proj and v_proj have `kvHeads · hidden / heads` rows */
  heads?: number;
  kvHeads?: number;
  seed?: number;
}

export interface Gpt2LikeOptions extends WeightShape {
  layers?: number;
  hidden?: number;
  vocab?: number;
  positions?: number;
  /** include the `h.{i}.attn.bias` causal-mask buffers ([1,1,P,P]) that openai-community/gpt2's file holds (default true) */
  maskBuffers?: boolean;
  seed?: number;
}

export interface GeneratedTensor {
  name: string;
  dtype: GeneratedDtype;
  shape: number[];
  file: string;
}

export interface GeneratedModel {
  dir: string;
  /** safetensors files, sorted */
  files: string[];
  /** every tensor, in the order the files store them */
  tensors: GeneratedTensor[];
  config: Record<string, unknown>;
}

export type Fill = "weight" | "norm" | "bias" | "mask";

interface PlannedTensor {
  name: string;
  shape: number[];
  fill: Fill;
}

const BYTES: Record<GeneratedDtype, number> = { F32: 4, F16: 2, BF16: 2 };
const BLOCK_VALUES = 1 << 18;

function checkDimension(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${String(value)}`);
  return value;
}

function elementCount(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

// FNV-1a: every tensor gets its own stream of numbers, independent of which shard or order writes it
function tensorSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// Box–Muller: two uniforms give two independent standard normals
function gaussianSource(uniform: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const u1 = 1 - uniform(); // in (0, 1]: log is finite
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
}

function unitVector(length: number, gaussian: () => number): Float64Array {
  const v = new Float64Array(length);
  let norm = 0;
  for (let i = 0; i < length; i++) {
    v[i] = gaussian();
    norm += v[i] * v[i];
  }
  norm = Math.sqrt(norm);
  for (let i = 0; i < length; i++) v[i] /= norm;
  return v;
}

/**
 * The values of one tensor, in storage order, as blocks of whole rows (a large tensor is never held
 * whole). A weight W (rows × cols) is σ·g·u^(-1/μ) entry-wise (a Gaussian g scaled by a Pareto
 * factor, u uniform) plus Σₖ sₖ·aₖbₖᵀ with unit vectors aₖ, bₖ and sₖ a multiple of the noise's
 * spectral edge σ·√E[x²]·(√rows + √cols).
 */
function* tensorValueBlocks(tensor: PlannedTensor, seed: number, shape: WeightShape): Generator<Float32Array> {
  const total = elementCount(tensor.shape);
  const cols = tensor.shape[tensor.shape.length - 1] ?? 1;
  const rows = total / cols;
  const rowsPerBlock = Math.max(1, Math.floor(BLOCK_VALUES / cols));
  const uniform = seededRandom(tensorSeed(seed, tensor.name));
  const gaussian = gaussianSource(uniform);
  const mu = shape.tailExponent ?? 3;
  if (!(mu > 2)) throw new RangeError(`tailExponent must be > 2 (finite variance), got ${mu}`);
  const isMatrix = tensor.fill === "weight" && tensor.shape.length === 2;
  const sigma = 1 / Math.sqrt(cols);
  // E[u^(-2/μ)] = μ/(μ-2): the entries' variance is σ²·μ/(μ-2)
  const edge = sigma * Math.sqrt(mu / (mu - 2)) * (Math.sqrt(rows) + Math.sqrt(cols));
  const spikes = isMatrix ? (shape.spikes ?? [1.5, 2.5, 4]) : [];
  const strengths = spikes.map((strength) => strength * edge);
  const left = spikes.map(() => unitVector(rows, gaussian));
  const right = spikes.map(() => unitVector(cols, gaussian));
  const minusInverseMu = -1 / mu;
  for (let row0 = 0; row0 < rows; row0 += rowsPerBlock) {
    const blockRows = Math.min(rowsPerBlock, rows - row0);
    const block = new Float32Array(blockRows * cols);
    for (let r = 0; r < blockRows; r++) {
      const row = row0 + r;
      const at = r * cols;
      if (tensor.fill === "mask") {
        for (let c = 0; c <= Math.min(row % cols, cols - 1); c++) block[at + c] = 1;
      } else if (tensor.fill === "norm") {
        for (let c = 0; c < cols; c++) block[at + c] = 1 + 0.05 * gaussian();
      } else if (tensor.fill === "bias") {
        for (let c = 0; c < cols; c++) block[at + c] = 0.02 * gaussian();
      } else {
        for (let c = 0; c < cols; c++) {
          // u^(-1/μ) with u bounded away from 0, which keeps every value inside float16's range
          block[at + c] = sigma * gaussian() * Math.exp(minusInverseMu * Math.log(Math.max(uniform(), 1e-7)));
        }
        for (let k = 0; k < strengths.length; k++) {
          const scale = strengths[k] * left[k][row];
          const b = right[k];
          for (let c = 0; c < cols; c++) block[at + c] += scale * b[c];
        }
      }
    }
    yield block;
  }
}

// float32 → the stored little-endian bytes (round to nearest even, as torch's .to() does)
function encodeBlock(values: Float32Array, dtype: GeneratedDtype): Uint8Array {
  if (endianness() !== "LE") throw new Error("generate-models writes little-endian bytes through typed arrays: run it on a little-endian machine");
  if (dtype === "F32") return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint16Array(values.length);
  if (dtype === "BF16") {
    const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
    for (let i = 0; i < bits.length; i++) out[i] = (bits[i] + 0x7fff + ((bits[i] >>> 16) & 1)) >>> 16;
  } else {
    for (let i = 0; i < values.length; i++) out[i] = floatToHalfBits(values[i]);
  }
  return new Uint8Array(out.buffer);
}

function tensorBytes(tensor: PlannedTensor, dtype: GeneratedDtype, seed: number, shape: WeightShape): Uint8Array {
  const bytes = new Uint8Array(elementCount(tensor.shape) * BYTES[dtype]);
  let at = 0;
  for (const block of tensorValueBlocks(tensor, seed, shape)) {
    const encoded = encodeBlock(block, dtype);
    bytes.set(encoded, at);
    at += encoded.byteLength;
  }
  return bytes;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

// contiguous runs of the model's own order, of about equal bytes, as transformers' save_pretrained cuts shards
function splitIntoShards(tensors: PlannedTensor[], shards: number, dtype: GeneratedDtype): PlannedTensor[][] {
  const total = tensors.reduce((sum, t) => sum + elementCount(t.shape) * BYTES[dtype], 0);
  const groups: PlannedTensor[][] = Array.from({ length: shards }, () => []);
  let before = 0;
  for (const tensor of tensors) {
    const bytes = elementCount(tensor.shape) * BYTES[dtype];
    const index = Math.min(shards - 1, Math.floor(((before + bytes / 2) / total) * shards));
    groups[index].push(tensor);
    before += bytes;
  }
  if (groups.some((g) => g.length === 0)) throw new RangeError(`cannot cut ${tensors.length} tensors into ${shards} non-empty shards of similar size`);
  return groups;
}

/**
 * A Llama-architecture checkpoint as transformers saves it: `model-0000k-of-0000n.safetensors`
 * (tensors sorted by name within each file), `model.safetensors.index.json` and `config.json`
 * with `model_type: "llama"`. down_proj is hidden × intermediate (wide). Each shard is encoded in
 * memory with encodeSafetensors, so for large shapes ask for more shards.
 */
export async function writeLlamaLikeModel(dir: string, options: LlamaLikeOptions): Promise<GeneratedModel> {
  const hidden = checkDimension("hidden", options.hidden);
  const intermediate = checkDimension("intermediate", options.intermediate);
  const layers = checkDimension("layers", options.layers);
  const vocab = checkDimension("vocab", options.vocab);
  const shards = checkDimension("shards", options.shards ?? 1);
  const heads = checkDimension("heads", options.heads ?? Math.max(1, Math.floor(hidden / 128)));
  const kvHeads = checkDimension("kvHeads", options.kvHeads ?? heads);
  const dtype = options.dtype ?? "BF16";
  if (!(dtype in BYTES)) throw new RangeError(`dtype must be BF16, F16 or F32, got ${String(dtype)}`);
  if (hidden % heads !== 0 || heads % kvHeads !== 0) throw new RangeError(`hidden (${hidden}) must divide into heads (${heads}), and heads into kvHeads (${kvHeads})`);
  const seed = options.seed ?? 0;
  const kvRows = (kvHeads * hidden) / heads;

  const planned: PlannedTensor[] = [{ name: "model.embed_tokens.weight", shape: [vocab, hidden], fill: "weight" }];
  for (let i = 0; i < layers; i++) {
    const p = `model.layers.${i}`;
    planned.push(
      { name: `${p}.self_attn.q_proj.weight`, shape: [hidden, hidden], fill: "weight" },
      { name: `${p}.self_attn.k_proj.weight`, shape: [kvRows, hidden], fill: "weight" },
      { name: `${p}.self_attn.v_proj.weight`, shape: [kvRows, hidden], fill: "weight" },
      { name: `${p}.self_attn.o_proj.weight`, shape: [hidden, hidden], fill: "weight" },
      { name: `${p}.mlp.gate_proj.weight`, shape: [intermediate, hidden], fill: "weight" },
      { name: `${p}.mlp.up_proj.weight`, shape: [intermediate, hidden], fill: "weight" },
      { name: `${p}.mlp.down_proj.weight`, shape: [hidden, intermediate], fill: "weight" },
      { name: `${p}.input_layernorm.weight`, shape: [hidden], fill: "norm" },
      { name: `${p}.post_attention_layernorm.weight`, shape: [hidden], fill: "norm" },
    );
  }
  planned.push({ name: "model.norm.weight", shape: [hidden], fill: "norm" }, { name: "lm_head.weight", shape: [vocab, hidden], fill: "weight" });

  await mkdir(dir, { recursive: true });
  const groups = splitIntoShards(planned, shards, dtype);
  const pad = (n: number) => String(n).padStart(5, "0");
  const files: string[] = [];
  const tensors: GeneratedTensor[] = [];
  const weightMap: [string, string][] = [];
  let totalSize = 0;
  for (let k = 0; k < groups.length; k++) {
    const file = `model-${pad(k + 1)}-of-${pad(groups.length)}.safetensors`;
    const specs: TensorSpec[] = groups[k]
      .slice()
      .sort(byName)
      .map((t) => ({ name: t.name, dtype, shape: t.shape, data: tensorBytes(t, dtype, seed, options) }));
    await writeFile(join(dir, file), encodeSafetensors(specs, { format: "pt" }));
    files.push(file);
    for (const spec of specs) {
      tensors.push({ name: spec.name, dtype, shape: spec.shape, file });
      weightMap.push([spec.name, file]);
      totalSize += spec.data.byteLength;
    }
  }
  weightMap.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  await writeFile(join(dir, "model.safetensors.index.json"), encodeSafetensorsIndex(weightMap, totalSize));
  const config = {
    architectures: ["LlamaForCausalLM"],
    model_type: "llama",
    hidden_size: hidden,
    intermediate_size: intermediate,
    num_hidden_layers: layers,
    num_attention_heads: heads,
    num_key_value_heads: kvHeads,
    vocab_size: vocab,
    max_position_embeddings: 4096,
    rms_norm_eps: 1e-5,
    hidden_act: "silu",
    tie_word_embeddings: false,
    torch_dtype: { BF16: "bfloat16", F16: "float16", F32: "float32" }[dtype],
  };
  await writeFile(join(dir, "config.json"), JSON.stringify(config, null, 2) + "\n");
  return { dir, files, tensors, config };
}

/** The tensors writeGpt2LikeModel writes, sorted by name as the file stores them (the defaults are GPT-2 small's 160). */
export function planGpt2LikeTensors(options: Gpt2LikeOptions = {}): { name: string; shape: number[]; fill: Fill }[] {
  const layers = checkDimension("layers", options.layers ?? 12);
  const hidden = checkDimension("hidden", options.hidden ?? 768);
  const vocab = checkDimension("vocab", options.vocab ?? 50257);
  const positions = checkDimension("positions", options.positions ?? 1024);
  const planned: PlannedTensor[] = [
    { name: "wte.weight", shape: [vocab, hidden], fill: "weight" },
    { name: "wpe.weight", shape: [positions, hidden], fill: "weight" },
    { name: "ln_f.weight", shape: [hidden], fill: "norm" },
    { name: "ln_f.bias", shape: [hidden], fill: "bias" },
  ];
  for (let i = 0; i < layers; i++) {
    const p = `h.${i}`;
    planned.push(
      { name: `${p}.ln_1.weight`, shape: [hidden], fill: "norm" },
      { name: `${p}.ln_1.bias`, shape: [hidden], fill: "bias" },
      { name: `${p}.attn.c_attn.weight`, shape: [hidden, 3 * hidden], fill: "weight" },
      { name: `${p}.attn.c_attn.bias`, shape: [3 * hidden], fill: "bias" },
      { name: `${p}.attn.c_proj.weight`, shape: [hidden, hidden], fill: "weight" },
      { name: `${p}.attn.c_proj.bias`, shape: [hidden], fill: "bias" },
      { name: `${p}.ln_2.weight`, shape: [hidden], fill: "norm" },
      { name: `${p}.ln_2.bias`, shape: [hidden], fill: "bias" },
      { name: `${p}.mlp.c_fc.weight`, shape: [hidden, 4 * hidden], fill: "weight" },
      { name: `${p}.mlp.c_fc.bias`, shape: [4 * hidden], fill: "bias" },
      { name: `${p}.mlp.c_proj.weight`, shape: [4 * hidden, hidden], fill: "weight" },
      { name: `${p}.mlp.c_proj.bias`, shape: [hidden], fill: "bias" },
    );
    if (options.maskBuffers ?? true) planned.push({ name: `${p}.attn.bias`, shape: [1, 1, positions, positions], fill: "mask" });
  }
  planned.sort(byName);
  return planned;
}

/**
 * A GPT-2 checkpoint laid out as openai-community/gpt2's `model.safetensors`: names without a
 * `transformer.` prefix, Conv1D weights stored in × out (`h.{i}.attn.c_attn.weight` hidden × 3·hidden,
 * `mlp.c_fc` hidden × 4·hidden, `mlp.c_proj` 4·hidden × hidden), `wte`, `wpe`, layer norms, biases
 * and the causal-mask buffers, F32, tensors sorted by name, plus `config.json` (`model_type: "gpt2"`).
 * The defaults are GPT-2 small (124 M parameters, a 548 MB file); it is written tensor by tensor in
 * row blocks, never held whole.
 */
export async function writeGpt2LikeModel(dir: string, options: Gpt2LikeOptions = {}): Promise<GeneratedModel> {
  const layers = checkDimension("layers", options.layers ?? 12);
  const hidden = checkDimension("hidden", options.hidden ?? 768);
  const vocab = checkDimension("vocab", options.vocab ?? 50257);
  const positions = checkDimension("positions", options.positions ?? 1024);
  const seed = options.seed ?? 0;
  const planned = planGpt2LikeTensors({ ...options, layers, hidden, vocab, positions });

  const file = "model.safetensors";
  const header: Record<string, unknown> = { __metadata__: { format: "pt" } };
  let offset = 0;
  for (const t of planned) {
    const bytes = elementCount(t.shape) * 4;
    header[t.name] = { dtype: "F32", shape: t.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  await mkdir(dir, { recursive: true });
  const out = createWriteStream(join(dir, file));
  const failed = once(out, "error").then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  const write = async (bytes: Uint8Array) => {
    if (!out.write(bytes)) await Promise.race([once(out, "drain"), failed]);
  };
  // the header (8-byte length, JSON padded to 8 bytes) comes from the shared encoder with no data
  await write(encodeSafetensorsRaw(header, new Uint8Array(0)));
  for (const t of planned) {
    for (const block of tensorValueBlocks(t, seed, options)) await write(encodeBlock(block, "F32"));
  }
  out.end();
  await Promise.race([once(out, "finish"), failed]);

  const config = {
    architectures: ["GPT2LMHeadModel"],
    model_type: "gpt2",
    activation_function: "gelu_new",
    n_embd: hidden,
    n_head: Math.max(1, Math.floor(hidden / 64)),
    n_layer: layers,
    n_positions: positions,
    n_ctx: positions,
    vocab_size: vocab,
    layer_norm_epsilon: 1e-5,
  };
  await writeFile(join(dir, "config.json"), JSON.stringify(config, null, 2) + "\n");
  return { dir, files: [file], tensors: planned.map((t) => ({ name: t.name, dtype: "F32", shape: t.shape, file })), config };
}
