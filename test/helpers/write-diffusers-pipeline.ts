import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Dtype } from "#shared/safetensors";
import { seededRandom } from "./seeded-random.ts";
import { encodeSafetensors, encodeSafetensorsIndex, type TensorSpec } from "./write-safetensors.ts";

/**
 * A small diffusers pipeline laid out as the Hub stores one (deterministic): `model_index.json`;
 * `unet/` (conv2d and attention weights, with an fp16 variant beside the full-precision file, which
 * must lose), `text_encoder/` and a sharded `text_encoder_2/` whose tensor names are the same as
 * text_encoder's (so only the component prefix tells them apart), a `vae/` stored only as its
 * fp16 variant, and `tokenizer/`, `scheduler/` folders without weights.
 */
export function diffusersPipelineFiles(seed = 7): Map<string, Uint8Array | string> {
  const random = seededRandom(seed);
  const tensor = (name: string, shape: number[], dtype: Dtype = "F32"): TensorSpec => {
    const data = new Float32Array(shape.reduce((p, d) => p * d, 1));
    for (let i = 0; i < data.length; i++) data[i] = (random() - 0.5) * (name.endsWith(".bias") ? 0.1 : 1);
    return { name, dtype, shape, data };
  };
  const unet = [
    tensor("conv_in.weight", [24, 4, 3, 3]),
    tensor("conv_in.bias", [24]),
    tensor("down_blocks.0.attentions.0.to_q.weight", [40, 24]),
    tensor("down_blocks.0.attentions.0.to_k.weight", [40, 24]),
    tensor("down_blocks.0.resnets.0.conv1.weight", [24, 24, 3, 3]),
    tensor("conv_out.weight", [4, 24, 3, 3]),
  ];
  const encoder = () => [
    tensor("text_model.embeddings.token_embedding.weight", [64, 32]),
    tensor("text_model.encoder.layers.0.self_attn.q_proj.weight", [32, 32]),
    tensor("text_model.encoder.layers.0.mlp.fc1.weight", [48, 32]),
    tensor("text_model.encoder.layers.0.mlp.fc1.bias", [48]),
    tensor("text_model.final_layer_norm.weight", [32]),
  ];
  const textEncoder2 = encoder();
  const shards: [string, TensorSpec[]][] = [
    ["model-00001-of-00002.safetensors", textEncoder2.slice(0, 2)],
    ["model-00002-of-00002.safetensors", textEncoder2.slice(2)],
  ];
  const vae = [tensor("encoder.conv_in.weight", [32, 3, 3, 3], "F16"), tensor("decoder.conv_out.weight", [3, 32, 3, 3], "F16")];
  const files = new Map<string, Uint8Array | string>([
    [
      "model_index.json",
      JSON.stringify({
        _class_name: "StableDiffusionPipeline",
        _diffusers_version: "0.30.0",
        scheduler: ["diffusers", "PNDMScheduler"],
        text_encoder: ["transformers", "CLIPTextModel"],
        text_encoder_2: ["transformers", "CLIPTextModelWithProjection"],
        tokenizer: ["transformers", "CLIPTokenizer"],
        unet: ["diffusers", "UNet2DConditionModel"],
        vae: ["diffusers", "AutoencoderKL"],
      }),
    ],
    ["README.md", "---\nlibrary_name: diffusers\n---\n# a tiny pipeline\n"],
    ["unet/config.json", JSON.stringify({ _class_name: "UNet2DConditionModel" })],
    ["unet/diffusion_pytorch_model.safetensors", encodeSafetensors(unet)],
    ["unet/diffusion_pytorch_model.fp16.safetensors", encodeSafetensors(unet.map((t) => ({ ...t, dtype: "F16" as const })))],
    ["text_encoder/config.json", JSON.stringify({ model_type: "clip_text_model" })],
    ["text_encoder/model.safetensors", encodeSafetensors(encoder())],
    ["text_encoder_2/config.json", JSON.stringify({ model_type: "clip_text_model" })],
    ["text_encoder_2/model.safetensors.index.json", encodeSafetensorsIndex(shards.flatMap(([file, list]) => list.map((t) => [t.name, file] as [string, string])))],
    ...shards.map(([file, list]) => [`text_encoder_2/${file}`, encodeSafetensors(list)] as [string, Uint8Array]),
    ["vae/config.json", JSON.stringify({ _class_name: "AutoencoderKL" })],
    ["vae/diffusion_pytorch_model.fp16.safetensors", encodeSafetensors(vae)],
    ["tokenizer/vocab.json", JSON.stringify({ a: 0, b: 1 })],
    ["scheduler/scheduler_config.json", JSON.stringify({ _class_name: "PNDMScheduler" })],
  ]);
  return files;
}

/** Writes the pipeline's files under `dir` (a folder the mock Hub serves, or the CLI reads). */
export function writeDiffusersPipeline(dir: string, seed = 7): string {
  for (const [path, content] of diffusersPipelineFiles(seed)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
