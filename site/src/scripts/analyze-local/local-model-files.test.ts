import { describe, expect, it } from "vitest";
import { diffusersPipelineFiles } from "../../../../test/helpers/write-diffusers-pipeline.ts";
import { ADAPTER_CONFIG_JSON } from "../../../../test/helpers/write-lora-adapter.ts";
import type { LocalFile } from "./local-file.ts";
import { localModelFiles } from "./local-model-files.ts";

const file = (name: string, text: string | Uint8Array = "x", folder?: string): LocalFile => ({ file: new File([text as BlobPart], name.split("/").pop()!), path: folder ? `${folder}/${name}` : name });

describe("localModelFiles", () => {
  it("takes one .safetensors file, named after it", async () => {
    const { model, description } = await localModelFiles([file("tiny-model.safetensors", "abc"), file("README.md")]);
    expect(model.files).toEqual(["tiny-model.safetensors"]);
    expect(description).toEqual({ id: "tiny-model", source: "local", revision: null, sha: null, family: null });
    expect(Array.from(await model.open("tiny-model.safetensors").read(0, 3))).toEqual([97, 98, 99]);
  });

  it("takes a sharded model with its index first, names it after a chosen folder, and reads its family from config.json", async () => {
    const dropped = ["model-00002-of-00002.safetensors", "model.safetensors.index.json", "model-00001-of-00002.safetensors"].map((n) => file(n, "x", "llama-mini"));
    dropped.push(file("config.json", JSON.stringify({ model_type: "llama" }), "llama-mini"));
    const { model, description } = await localModelFiles(dropped);
    expect(model.files).toEqual(["model.safetensors.index.json", "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"]);
    expect(description).toMatchObject({ id: "llama-mini", family: "llama" });
  });

  it("takes a diffusers pipeline's folder as its components, named after the folder, its family from model_index.json", async () => {
    const dropped = [...diffusersPipelineFiles()].map(([name, content]) => file(name, content, "tiny-sd"));
    const { model, description } = await localModelFiles(dropped);
    // one folder a component, the full-precision unet over its fp16 variant, the sharded encoder by its index
    expect([...new Set(model.files.map((f) => f.split("/")[0]))]).toEqual(["text_encoder", "text_encoder_2", "unet", "vae"]);
    expect(model.files.filter((f) => f.startsWith("unet/"))).toEqual(["unet/diffusion_pytorch_model.safetensors"]);
    expect(model.files.filter((f) => f.startsWith("text_encoder_2/"))[0]).toBe("text_encoder_2/model.safetensors.index.json");
    expect(description).toMatchObject({ id: "tiny-sd", family: "StableDiffusionPipeline" });
  });

  it("chooses as the CLI and the service do: a GGUF file, a PyTorch checkpoint, a PEFT adapter with its config", async () => {
    expect((await localModelFiles([file("tiny-Q4_K_M.gguf")])).model.files).toEqual(["tiny-Q4_K_M.gguf"]);
    expect((await localModelFiles([file("tiny-Q4_K_M.gguf")])).description.id).toBe("tiny-Q4_K_M");
    expect((await localModelFiles([file("pytorch_model.bin"), file("training_args.bin")])).model.files).toEqual(["pytorch_model.bin"]);
    const adapter = await localModelFiles([file("adapter_model.safetensors"), file("adapter_config.json", ADAPTER_CONFIG_JSON)]);
    expect(adapter.model.files).toEqual(["adapter_model.safetensors"]);
    expect(adapter.description.adapter).toMatchObject({ peft_type: "LORA", r: 12, lora_alpha: 24 });
    // safetensors win over a .bin of the same model
    expect((await localModelFiles([file("pytorch_model.bin"), file("model.safetensors")])).model.files).toEqual(["model.safetensors"]);
  });

  it("refuses drops it cannot make a model of, saying what to drop", async () => {
    await expect(localModelFiles([])).rejects.toThrow(/the model has no weights heavytail reads/);
    await expect(localModelFiles([file("a-Q4_K_M.gguf"), file("a-Q8_0.gguf")])).rejects.toThrow(/2 GGUF files \(a-Q4_K_M\.gguf, a-Q8_0\.gguf\).*; drop only the one to analyse$/);
    await expect(localModelFiles([file("adapter_model.safetensors"), file("adapter_config.json", "{")])).rejects.toThrow(/^adapter_config\.json: /);
    await expect(localModelFiles([file("a.safetensors"), file("a.safetensors")])).rejects.toMatchObject({ code: "duplicate_file" });
  });

  it("says which file is missing when asked for one that was not dropped", async () => {
    const { model } = await localModelFiles([file("a.safetensors")]);
    expect(() => model.open("b.safetensors")).toThrow(/"b.safetensors" was not among the dropped files/);
  });
});
