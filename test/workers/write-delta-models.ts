import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { perturb } from "../helpers/perturb.ts";
import { seededRandom } from "../helpers/seeded-random.ts";
import { tinyLlama, type TinyTensor } from "../helpers/tiny-llama.ts";
import { encodeSafetensors, type TensorSpec } from "../helpers/write-safetensors.ts";
import { encodeLoraAdapter, LORA_IN, LORA_OUT, LORA_R } from "../helpers/write-lora-adapter.ts";

const specs = (tensors: TinyTensor[]): TensorSpec[] => tensors.map((t) => ({ name: t.hf, dtype: "F32", shape: t.shape, data: t.values }));

function biasValues(n: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: n }, () => random() - 0.5);
}

/**
 * A base model and its fine-tune for the Worker suites' delta analyses (mounted as `delta/{folder}`):
 * - `base`: a small Llama block (hidden 256, MLP 512: with the suites' EDGE_TASK_FLOPS its MLP
 *   layers split into tall parts and wide blocks) with a q_proj bias;
 * - `tuned`: every tensor perturbed, the q_proj bias too, its embedding grown from 96 to 100 rows
 *   (a shape the base lacks) and a `score` head the base has not; its card names `delta/base`;
 * - `lora-base`: the q_proj and v_proj the suites' adapter (write-lora-adapter.ts) adapts;
 * - `lora`: that adapter, its config naming `delta/lora-base`;
 * - for the comparison of a fine-tune with the base its card names (startBaseComparison), small
 *   models whose cards say `base_model_relation: finetune`: `small-tuned` of `small-base`,
 *   `tuned-gated` of `trust/gated` (gated), `tuned-orphan` of `delta/absent` (no such repo),
 *   `tuned-alien` of `delta/lora-base` (no layer of the same name and shape).
 */
export async function writeDeltaModels(dir: string): Promise<string[]> {
  const folders: string[] = [];
  const write = async (folder: string, files: Record<string, Uint8Array | string>) => {
    await mkdir(join(dir, folder), { recursive: true });
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, folder, name), bytes);
    folders.push(folder);
  };
  const base = tinyLlama({ hidden: 256, intermediate: 512, vocab: 96, seed: 21 });
  const bias = { name: "model.layers.0.self_attn.q_proj.bias", dtype: "F32" as const, shape: [256] };
  await write("base", { "model.safetensors": encodeSafetensors([...specs(base), { ...bias, data: biasValues(256, 22) }]), "config.json": JSON.stringify({ model_type: "llama" }) });

  const grown = tinyLlama({ hidden: 256, intermediate: 512, vocab: 100, seed: 23 }).find((t) => t.hf === "model.embed_tokens.weight")!;
  const tuned = base.map((t, i) => (t.hf === grown.hf ? grown : { ...t, values: perturb(t.values, 100 + i) }));
  const score = { name: "score.weight", dtype: "F32" as const, shape: [24, 256], data: perturb(new Float32Array(24 * 256).fill(0.01), 99) };
  await write("tuned", {
    "model.safetensors": encodeSafetensors([...specs(tuned), { ...bias, data: perturb(biasValues(256, 22), 98) }, score]),
    "config.json": JSON.stringify({ model_type: "llama" }),
    "README.md": "---\nbase_model: delta/base\nbase_model_relation: finetune\n---\n# a fine-tune\n",
  });

  const random = seededRandom(31);
  const w = (out: number) => Float32Array.from({ length: out * LORA_IN }, () => 0.2 * (2 * random() - 1));
  await write("lora-base", {
    "model.safetensors": encodeSafetensors(
      (Object.keys(LORA_OUT) as (keyof typeof LORA_OUT)[]).map((m) => ({ name: `model.layers.0.self_attn.${m}.weight`, dtype: "F32" as const, shape: [LORA_OUT[m], LORA_IN], data: w(LORA_OUT[m]) })),
    ),
  });
  await write("lora", {
    "adapter_model.safetensors": encodeLoraAdapter(),
    "adapter_config.json": JSON.stringify({ peft_type: "LORA", r: LORA_R, lora_alpha: 24, target_modules: Object.keys(LORA_OUT), base_model_name_or_path: "delta/lora-base" }),
  });
  const small = tinyLlama({ hidden: 64, intermediate: 96, vocab: 40, seed: 41 });
  const card = (base: string) => `---\nbase_model: ${base}\nbase_model_relation: finetune\n---\n# a fine-tune of ${base}\n`;
  await write("small-base", { "model.safetensors": encodeSafetensors(specs(small)) });
  await write("small-tuned", { "model.safetensors": encodeSafetensors(specs(small.map((t, i) => ({ ...t, values: perturb(t.values, 200 + i) })))), "README.md": card("delta/small-base") });
  const alone = (seed: number) => encodeSafetensors([{ name: "encoder.dense.weight", dtype: "F32", shape: [48, 32], data: perturb(new Float32Array(48 * 32).fill(0.02), seed) }]);
  await write("tuned-gated", { "model.safetensors": alone(51), "README.md": card("trust/gated") });
  await write("tuned-orphan", { "model.safetensors": alone(52), "README.md": card("delta/absent") });
  await write("tuned-alien", { "model.safetensors": alone(53), "README.md": card("delta/lora-base") });
  return folders;
}
