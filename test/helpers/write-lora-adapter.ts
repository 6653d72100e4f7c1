/**
 * A PEFT LoRA adapter as `peft` saves one (adapter_model.safetensors + adapter_config.json), with
 * seeded weights: q_proj and v_proj of one Llama block, lora_A [r, in] and lora_B [out, r] F32, in
 * name order (safetensors' writer lays same-dtype tensors out by name, so each pair is adjacent).
 */
import { encodeSafetensors, type TensorSpec } from "./write-safetensors.ts";
import { seededRandom } from "./seeded-random.ts";

export const LORA_R = 12;
export const LORA_IN = 40;
export const LORA_OUT = { q_proj: 40, v_proj: 24 } as const;

export const ADAPTER_CONFIG_JSON = JSON.stringify({
  peft_type: "LORA",
  task_type: "CAUSAL_LM",
  r: LORA_R,
  lora_alpha: 24,
  lora_dropout: 0.05,
  target_modules: ["q_proj", "v_proj"],
  base_model_name_or_path: "TinyLlama/<tiny>&\"llama\"",
});

export function loraName(module: keyof typeof LORA_OUT, half: "lora_A" | "lora_B"): string {
  return `base_model.model.model.layers.0.self_attn.${module}.${half}.weight`;
}

/** The adapter's tensors as float64 row-major arrays (the float32 values stored), for checks. */
export function loraAdapterTensors(seed = 11): { name: string; shape: [number, number]; values: Float32Array }[] {
  const random = seededRandom(seed);
  const matrix = (rows: number, cols: number, scale: number) => Float32Array.from({ length: rows * cols }, () => scale * (2 * random() - 1));
  return (Object.keys(LORA_OUT) as (keyof typeof LORA_OUT)[]).flatMap((module) => [
    { name: loraName(module, "lora_A"), shape: [LORA_R, LORA_IN] as [number, number], values: matrix(LORA_R, LORA_IN, 0.1) },
    { name: loraName(module, "lora_B"), shape: [LORA_OUT[module], LORA_R] as [number, number], values: matrix(LORA_OUT[module], LORA_R, 0.01) },
  ]);
}

export function encodeLoraAdapter(seed = 11): Uint8Array {
  const specs: TensorSpec[] = loraAdapterTensors(seed).map((t) => ({ name: t.name, dtype: "F32", shape: t.shape, data: t.values }));
  return encodeSafetensors(specs);
}

export const loraBaseName = (module: keyof typeof LORA_OUT) => `model.layers.0.self_attn.${module}.weight`;

/** The base the adapter adapts: q_proj and v_proj W [out, in] and an unadapted down_proj, seeded. */
export function loraBaseTensors(seed = 7): { name: string; shape: [number, number]; values: Float32Array }[] {
  const random = seededRandom(seed);
  const matrix = (rows: number, cols: number, scale: number) => Float32Array.from({ length: rows * cols }, () => scale * (2 * random() - 1));
  return [
    ...(Object.keys(LORA_OUT) as (keyof typeof LORA_OUT)[]).map((module) => ({ name: loraBaseName(module), shape: [LORA_OUT[module], LORA_IN] as [number, number], values: matrix(LORA_OUT[module], LORA_IN, 0.2) })),
    { name: "model.layers.0.mlp.down_proj.weight", shape: [40, 40] as [number, number], values: matrix(40, 40, 1) },
  ];
}
