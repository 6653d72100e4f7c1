/**
 * A model tree for the demo and the end-to-end suite, written deterministically (no downloads): a
 * small Llama base and what people make of one, each with a model card naming the base as the Hub
 * records it (`base_model`, `base_model_relation`):
 * - `base`: two Llama blocks (hidden 128, MLP 256, vocab 96), F32;
 * - `chat`, `code`: fine-tunes, every tensor updated a little (perturb), `relation: finetune`;
 * - `lora`: a PEFT LoRA adapter of the base's q_proj and v_proj (r 8), `relation: adapter`;
 * - `q8`: the base in GGUF, its matrices quantized to Q8_0 as llama.cpp's quantizer does
 *   (d = max|x| / 127 in f16, q = round(x / d)), `general.base_model.*` naming the base too,
 *   `relation: quantized`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { halfToFloat } from "#shared/safetensors";
import { encodeQ8_0 } from "./ggml-blocks.ts";
import { perturb } from "./perturb.ts";
import { seededRandom } from "./seeded-random.ts";
import { tinyGguf, tinyLlama, tinySafetensors, type TinyTensor } from "./tiny-llama.ts";
import { meta } from "./write-gguf.ts";
import { encodeSafetensors, floatToHalfBits } from "./write-safetensors.ts";

const HIDDEN = 128;
const RANK = 8;

/** The repos of a family under `org`: folder name → Hub id. */
export const familyIds = (org: string) => ({ base: `${org}/base`, chat: `${org}/chat`, code: `${org}/code`, lora: `${org}/lora`, q8: `${org}/base-q8` });

const card = (base: string, relation: string, what: string) => `---\nbase_model: ${base}\nbase_model_relation: ${relation}\n---\n# ${what} of ${base}\n`;

/** Q8_0 blocks of 32 values: what llama.cpp's quantize writes for a tensor. */
function quantizeQ8_0(values: Float32Array): Uint8Array {
  const out = new Uint8Array((values.length / 32) * 34);
  for (let b = 0; b < values.length / 32; b++) {
    const block = values.subarray(32 * b, 32 * b + 32);
    const amax = block.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const d = halfToFloat(floatToHalfBits(amax / 127));
    const q = Array.from(block, (v) => (d === 0 ? 0 : Math.max(-128, Math.min(127, Math.round(v / d)))));
    out.set(encodeQ8_0(d, q), 34 * b);
  }
  return out;
}

/** The adapter's lora_A [r, in] and lora_B [out, r] for q_proj and v_proj of block 0, in name order. */
function loraAdapter(seed: number): Uint8Array {
  const random = seededRandom(seed);
  const matrix = (rows: number, cols: number, scale: number) => Float32Array.from({ length: rows * cols }, () => scale * (2 * random() - 1));
  return encodeSafetensors(
    ["q_proj", "v_proj"].flatMap((m) => [
      { name: `base_model.model.model.layers.0.self_attn.${m}.lora_A.weight`, dtype: "F32" as const, shape: [RANK, HIDDEN], data: matrix(RANK, HIDDEN, 0.1) },
      { name: `base_model.model.model.layers.0.self_attn.${m}.lora_B.weight`, dtype: "F32" as const, shape: [HIDDEN, RANK], data: matrix(HIDDEN, RANK, 0.01) },
    ]),
  );
}

/** Writes the family into `dir` (one folder per repo) and gives each repo's Hub id → folder, for the mock Hub. */
export async function writeModelFamily(dir: string, org = "family"): Promise<Record<string, string>> {
  const ids = familyIds(org);
  const repos: Record<string, string> = {};
  const write = async (folder: keyof typeof ids, files: Record<string, Uint8Array | string>) => {
    await mkdir(join(dir, folder), { recursive: true });
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, folder, name), bytes);
    repos[ids[folder]] = join(dir, folder);
  };
  const config = JSON.stringify({ model_type: "llama", hidden_size: HIDDEN });
  const base = tinyLlama({ hidden: HIDDEN, intermediate: 256, vocab: 96, layers: 2, seed: 61 });
  const tuned = (seed: number): TinyTensor[] => base.map((t, i) => ({ ...t, values: perturb(t.values, seed + i) }));
  await write("base", { "model.safetensors": tinySafetensors(base), "config.json": config, "README.md": `# ${ids.base}\n` });
  await write("chat", { "model.safetensors": tinySafetensors(tuned(300)), "config.json": config, "README.md": card(ids.base, "finetune", "A chat fine-tune") });
  await write("code", { "model.safetensors": tinySafetensors(tuned(400)), "config.json": config, "README.md": card(ids.base, "finetune", "A code fine-tune") });
  await write("lora", {
    "adapter_model.safetensors": loraAdapter(71),
    "adapter_config.json": JSON.stringify({ peft_type: "LORA", task_type: "CAUSAL_LM", r: RANK, lora_alpha: 16, target_modules: ["q_proj", "v_proj"], base_model_name_or_path: ids.base }),
    "README.md": card(ids.base, "adapter", "A LoRA adapter"),
  });
  await write("q8", {
    "model-q8_0.gguf": tinyGguf(base, (t) => ({ type: "Q8_0", bytes: quantizeQ8_0(t.values) }), [
      ["general.base_model.count", meta.u32(1)],
      ["general.base_model.0.repo_url", meta.string(`https://huggingface.co/${ids.base}`)],
    ]),
    "README.md": card(ids.base, "quantized", "Q8_0 GGUF"),
  });
  return repos;
}
