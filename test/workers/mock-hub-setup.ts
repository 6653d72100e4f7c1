import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { writeFile, mkdir } from "node:fs/promises";
import { writeLlamaLikeModel } from "../helpers/generate-models.ts";
import { quantizedTensor, tinyGguf, tinyLlama, tinySafetensors, tinyTorchCheckpoint } from "../helpers/tiny-llama.ts";
import { writeHostileModels } from "../e2e/write-hostile-models.ts";
import { createMockHub } from "../mock-hub/create-mock-hub.ts";
import { writeTrustModels } from "./write-trust-models.ts";
import { writeDeltaModels } from "./write-delta-models.ts";
import { ADAPTER_CONFIG_JSON, encodeLoraAdapter } from "../helpers/write-lora-adapter.ts";
import { writeQuantizedModels } from "../helpers/write-quantized-models.ts";
import { meta as ggufMeta } from "../helpers/write-gguf.ts";
import { writeDiffusersPipeline } from "../helpers/write-diffusers-pipeline.ts";

declare module "vitest" {
  export interface ProvidedContext {
    hubUrl: string;
  }
}

/** Node side of the Worker suites: the project's mock Hub on 127.0.0.1 with the fixture models. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // the Worker imports the precompiled kernels (functions/engine.ts); npm ci builds them through `prepare`
  if (!existsSync(new URL("../../build/heavytail-linalg.wasm", import.meta.url))) {
    throw new Error("build/heavytail-linalg.wasm is missing: run `npm run build:wasm` before the Worker suites");
  }
  const dir = await mkdtemp(join(tmpdir(), "heavytail-worker-tests-"));
  // a sharded bf16 llama-like model, small: 1 block, hidden 64
  await writeLlamaLikeModel(join(dir, "llama"), { hidden: 64, intermediate: 176, layers: 1, vocab: 128, dtype: "BF16", shards: 2, seed: 7 });
  await writeHostileModels(join(dir, "hostile"));
  // one small Llama-shaped model as safetensors, as a PyTorch checkpoint, and as a Q4_K GGUF
  const tiny = tinyLlama({ hidden: 256, intermediate: 512, vocab: 96, seed: 3 });
  const config = JSON.stringify({ model_type: "llama" });
  for (const [repo, file, bytes] of [
    ["safetensors", "model.safetensors", tinySafetensors(tiny)],
    ["torch", "pytorch_model.bin", tinyTorchCheckpoint(tiny)],
    // its metadata names the model it was converted from (model.lineage)
    [
      "gguf",
      "tiny-Q4_K.gguf",
      tinyGguf(tiny, (t) => (t.shape[1] % 256 === 0 ? { type: "Q4_K", bytes: quantizedTensor(t, "Q4_K", 5).bytes } : "F32"), [
        ["general.base_model.count", ggufMeta.u32(1)],
        ["general.base_model.0.repo_url", ggufMeta.string("https://huggingface.co/formats/safetensors")],
      ]),
    ],
  ] as const) {
    await mkdir(join(dir, "formats", repo), { recursive: true });
    await writeFile(join(dir, "formats", repo, file), bytes);
    if (repo !== "gguf") await writeFile(join(dir, "formats", repo, "config.json"), config);
  }
  // a PEFT LoRA adapter repo, as peft saves one
  await mkdir(join(dir, "formats", "lora"), { recursive: true });
  await writeFile(join(dir, "formats", "lora", "adapter_model.safetensors"), encodeLoraAdapter());
  await writeFile(join(dir, "formats", "lora", "adapter_config.json"), ADAPTER_CONFIG_JSON);
  // its card names the base too (the Hub's cardData: model.lineage)
  await writeFile(join(dir, "formats", "lora", "README.md"), "---\nbase_model: TinyLlama/TinyLlama-1.1B\nbase_model_relation: adapter\n---\n# adapter\n");
  await mkdir(join(dir, "formats", "lora-bad-config"), { recursive: true });
  await writeFile(join(dir, "formats", "lora-bad-config", "adapter_model.safetensors"), encodeLoraAdapter());
  await writeFile(join(dir, "formats", "lora-bad-config", "adapter_config.json"), "{not json");
  const trust = await writeTrustModels(join(dir, "trust"));
  // a base and its fine-tune, an adapter's base and the adapter (delta analyses, with_base)
  const delta = await writeDeltaModels(join(dir, "delta"));
  // GPTQ, AWQ, FP8, MXFP4 and bitsandbytes checkpoints with their float twins (`quantized/<name>-float`)
  const quantized = await writeQuantizedModels(join(dir, "quantized"));
  // a diffusers pipeline: model_index.json and component folders (unet, text encoders, vae)
  writeDiffusersPipeline(join(dir, "diffusers", "tiny-sd"));
  const hub = await createMockHub({
    repos: {
      ...Object.fromEntries(trust.map((folder) => [`trust/${folder}`, join(dir, "trust", folder)])),
      ...Object.fromEntries(delta.map((folder) => [`delta/${folder}`, join(dir, "delta", folder)])),
      ...Object.fromEntries(quantized.map((folder) => [`quantized/${folder}`, join(dir, "quantized", folder)])),
      "hostile/nan-layer": join(dir, "hostile", "nan-layer"),
      "hostile/injection": join(dir, "hostile", "injection"),
      "copies/injection": join(dir, "hostile", "injection"),
      "copies/injection-2": join(dir, "hostile", "injection"),
      "hostile/header-past-end": join(dir, "hostile", "header-past-end"),
      "hostile/header-bomb": join(dir, "hostile", "header-bomb"),
      "paddle/ppocrv4_rec": "test/fixtures/ppocrv4_rec",
      "copies/ppocrv4_rec": "test/fixtures/ppocrv4_rec",
      "tesseract/eng_lstm": "test/fixtures/tesseract_eng_lstm",
      "synthetic/llama-tiny": join(dir, "llama"),
      "formats/safetensors": join(dir, "formats", "safetensors"),
      "formats/torch": join(dir, "formats", "torch"),
      "formats/gguf": join(dir, "formats", "gguf"),
      "formats/lora": join(dir, "formats", "lora"),
      "formats/lora-bad-config": join(dir, "formats", "lora-bad-config"),
      "formats/diffusers": join(dir, "diffusers", "tiny-sd"),
    },
    // short-lived signatures, so re-resolution runs in the suites
    signatureTtlMs: 30_000,
  });
  project.provide("hubUrl", hub.url);
  return async () => {
    await hub.close();
    await rm(dir, { recursive: true, force: true });
  };
}
