import { describe, expect, it } from "vitest";
import { chooseComponentFiles, componentsOfFiles, wantsComponentFolders } from "./choose-component-files.ts";
import { chooseWeightFiles } from "./choose-weight-files.ts";
import { WeightFilesError } from "./weight-files-error.ts";

const PIPELINE = [
  "model_index.json",
  "README.md",
  "scheduler/scheduler_config.json",
  "tokenizer/vocab.json",
  "text_encoder/config.json",
  "text_encoder/model.safetensors",
  "text_encoder/model.fp16.safetensors",
  "text_encoder/pytorch_model.bin",
  "unet/diffusion_pytorch_model.safetensors",
  "unet/diffusion_pytorch_model.fp16.safetensors",
  "unet/diffusion_pytorch_model.bin",
  "unet/onnx/model.onnx",
  "vae/diffusion_pytorch_model.fp16.safetensors",
  "vae/diffusion_pytorch_model.bf16.safetensors",
  "transformer/diffusion_pytorch_model.safetensors.index.json",
  "transformer/diffusion_pytorch_model-00002-of-00002.safetensors",
  "transformer/diffusion_pytorch_model-00001-of-00002.safetensors",
  "safety_checker/pytorch_model.bin",
];

describe("chooseComponentFiles", () => {
  it("takes each folder's weights: safetensors before .bin, the plain file before fp32, fp16, bf16 variants, the index with its shards", () => {
    expect(chooseComponentFiles(PIPELINE)).toEqual([
      { name: "safety_checker", kind: "pytorch", files: ["safety_checker/pytorch_model.bin"] },
      { name: "text_encoder", kind: "safetensors", files: ["text_encoder/model.safetensors"] },
      {
        name: "transformer",
        kind: "safetensors",
        files: [
          "transformer/diffusion_pytorch_model.safetensors.index.json",
          "transformer/diffusion_pytorch_model-00001-of-00002.safetensors",
          "transformer/diffusion_pytorch_model-00002-of-00002.safetensors",
        ],
      },
      { name: "unet", kind: "safetensors", files: ["unet/diffusion_pytorch_model.safetensors"] },
      { name: "vae", kind: "safetensors", files: ["vae/diffusion_pytorch_model.fp16.safetensors"] },
    ]);
  });

  it("takes a folder's only weight file whatever its name, refuses a folder of several without an index, ignores folders without weights", () => {
    expect(chooseComponentFiles(["a/weights.safetensors", "b/notes.txt"])).toEqual([{ name: "a", kind: "safetensors", files: ["a/weights.safetensors"] }]);
    const refused = chooseComponentFiles(["unet/diffusion_pytorch_model-00001-of-00002.safetensors", "unet/diffusion_pytorch_model-00002-of-00002.safetensors"]);
    expect(refused).toBeInstanceOf(WeightFilesError);
    expect((refused as WeightFilesError).message).toMatch(/component unet has several \.safetensors files/);
    expect(chooseComponentFiles(["tokenizer/vocab.json", "deep/er/model.safetensors", "model.safetensors"])).toBeNull();
  });

  it("is how chooseWeightFiles reads a pipeline, and a repo whose weights lie only in folders; root weights still win without model_index.json", () => {
    const choice = chooseWeightFiles(PIPELINE);
    expect(choice).toMatchObject({ kind: "pytorch", components: expect.any(Array) });
    expect((choice as { files: string[] }).files).toContain("unet/diffusion_pytorch_model.safetensors");
    expect(chooseWeightFiles(["model_index.json", "unet/model.safetensors", "sd.gguf"])).toMatchObject({ files: ["unet/model.safetensors"] });
    expect(chooseWeightFiles(["model.safetensors", "unet/model.safetensors"])).toEqual({ kind: "safetensors", files: ["model.safetensors"] });
    expect(chooseWeightFiles(["checkpoints/model.safetensors", "README.md"])).toMatchObject({ files: ["checkpoints/model.safetensors"] });
  });
});

describe("componentsOfFiles and wantsComponentFolders", () => {
  it("finds components only when every chosen file lies in a first-level folder, sorted, never for GGUF", () => {
    expect(componentsOfFiles(["vae/a.safetensors", "unet/b.safetensors.index.json", "unet/b-00001-of-00001.safetensors"])).toEqual(["unet", "vae"]);
    expect(componentsOfFiles(["model.safetensors"])).toBeNull();
    expect(componentsOfFiles(["Q4_K_M/model.gguf"])).toBeNull();
    expect(componentsOfFiles(["a/b/c.safetensors"])).toBeNull();
  });

  it("lists folders for a pipeline or a root without weights, not for a model at the root", () => {
    expect(wantsComponentFolders(["model_index.json", "README.md"])).toBe(true);
    expect(wantsComponentFolders(["README.md", "config.json"])).toBe(true);
    expect(wantsComponentFolders(["model.safetensors", "config.json"])).toBe(false);
  });
});
