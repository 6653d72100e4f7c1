import { describe, expect, it } from "vitest";
import { chooseWeightFiles } from "./choose-weight-files.ts";
import { WeightFilesError } from "./weight-files-error.ts";

const choose = (files: string[], file?: string) => chooseWeightFiles(files, file === undefined ? {} : { file });
const refused = (files: string[], file?: string) => {
  const result = choose(files, file);
  expect(result).toBeInstanceOf(WeightFilesError);
  return result as WeightFilesError;
};

describe("chooseWeightFiles", () => {
  it("prefers safetensors: the index with every root shard, else model.safetensors, else the only file", () => {
    expect(choose(["config.json", "model.safetensors.index.json", "model-00002-of-00002.safetensors", "model-00001-of-00002.safetensors", "pytorch_model.bin"])).toEqual({
      kind: "safetensors",
      files: ["model.safetensors.index.json", "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"],
    });
    expect(choose(["model.safetensors", "adapter.safetensors", "pytorch_model.bin", "m.gguf"])).toEqual({ kind: "safetensors", files: ["model.safetensors"] });
    expect(choose(["weights.safetensors", "onnx/model.safetensors"])).toEqual({ kind: "safetensors", files: ["weights.safetensors"] });
    expect(refused(["a.safetensors", "b.safetensors"])).toMatchObject({ code: "several_safetensors", candidates: ["a.safetensors", "b.safetensors"] });
  });

  it("takes a PEFT adapter's adapter_model.safetensors when adapter_config.json is beside it, and marks it", () => {
    const adapter = { kind: "safetensors", files: ["adapter_model.safetensors"], adapter: true };
    expect(choose(["adapter_config.json", "adapter_model.safetensors", "README.md"])).toEqual(adapter);
    expect(choose(["adapter_config.json", "adapter_model.safetensors", "training.safetensors"])).toEqual(adapter);
    expect(choose(["adapter_config.json", "x/y.json", "adapter_model.safetensors"], "adapter_model.safetensors")).toEqual(adapter);
    // a full model in the repo stays the model; without its config the file is not known as an adapter
    expect(choose(["adapter_config.json", "adapter_model.safetensors", "model.safetensors"])).toEqual({ kind: "safetensors", files: ["model.safetensors"] });
    expect(choose(["adapter_model.safetensors"])).toEqual({ kind: "safetensors", files: ["adapter_model.safetensors"] });
  });

  it("takes .bin when there is no safetensors: the index with the shards, else pytorch_model.bin", () => {
    expect(choose(["pytorch_model.bin.index.json", "pytorch_model-00001-of-00002.bin", "pytorch_model-00002-of-00002.bin", "training_args.bin"])).toEqual({
      kind: "pytorch",
      files: ["pytorch_model.bin.index.json", "pytorch_model-00001-of-00002.bin", "pytorch_model-00002-of-00002.bin"],
    });
    expect(choose(["pytorch_model.bin", "training_args.bin", "m-Q4_K_M.gguf"])).toEqual({ kind: "pytorch", files: ["pytorch_model.bin"] });
    // other .bin files are only analysed when named: they may be trainer state
    expect(refused(["model.pt", "training_args.bin"])).toMatchObject({ code: "several_checkpoints", candidates: ["model.pt"] });
    expect(refused(["training_args.bin", "README.md"])).toMatchObject({ code: "no_weight_files" });
  });

  it("takes the one GGUF model, a split model's shards in order, setting sidecars aside; several need a name", () => {
    expect(choose(["README.md", "tiny-Q4_K_M.gguf"])).toEqual({ kind: "gguf", files: ["tiny-Q4_K_M.gguf"] });
    expect(choose(["m-00002-of-00002.gguf", "m-00001-of-00002.gguf"])).toEqual({ kind: "gguf", files: ["m-00001-of-00002.gguf", "m-00002-of-00002.gguf"] });
    expect(choose(["llava-Q4_K_M.gguf", "mmproj-llava-f16.gguf"])).toEqual({ kind: "gguf", files: ["llava-Q4_K_M.gguf"] });
    const several = refused(["m-Q4_K_M.gguf", "m-Q8_0.gguf", "Q2_K/m-Q2_K-00001-of-00002.gguf", "Q2_K/m-Q2_K-00002-of-00002.gguf"]);
    expect(several.code).toBe("several_gguf");
    expect(several.candidates).toEqual(["Q2_K/m-Q2_K-00001-of-00002.gguf", "m-Q4_K_M.gguf", "m-Q8_0.gguf"]);
    expect(several.message).toMatch(/3 GGUF files .*name the one/);
    expect(refused([])).toMatchObject({ code: "no_weight_files" });
  });

  it("takes the named file of any kind, at any depth; a split model by any of its shards", () => {
    const files = ["model.safetensors", "pytorch_model.bin", "m-Q4_K_M.gguf", "m-Q8_0.gguf", "Q2_K/m-00001-of-00002.gguf", "Q2_K/m-00002-of-00002.gguf", "training_args.bin"];
    expect(choose(files, "m-Q8_0.gguf")).toEqual({ kind: "gguf", files: ["m-Q8_0.gguf"] });
    expect(choose(files, "./m-Q4_K_M.gguf")).toEqual({ kind: "gguf", files: ["m-Q4_K_M.gguf"] });
    expect(choose(files, "Q2_K/m-00002-of-00002.gguf")).toEqual({ kind: "gguf", files: ["Q2_K/m-00001-of-00002.gguf", "Q2_K/m-00002-of-00002.gguf"] });
    expect(choose(files, "pytorch_model.bin")).toEqual({ kind: "pytorch", files: ["pytorch_model.bin"] });
    expect(choose(files, "model.safetensors")).toEqual({ kind: "safetensors", files: ["model.safetensors"] });
    expect(refused(files, "missing.gguf")).toMatchObject({ code: "file_not_found" });
    expect(refused(files, "missing.gguf").message).toMatch(/its weight files: model\.safetensors, pytorch_model\.bin, Q2_K\/m-00001-of-00002\.gguf/);
    expect(refused(files, "../etc/passwd")).toMatchObject({ code: "file_not_found" });
    expect(refused(["README.md"], "README.md")).toMatchObject({ code: "unsupported_file" });
    expect(refused(["m-00001-of-00003.gguf", "m-00002-of-00003.gguf"], "m-00001-of-00003.gguf")).toMatchObject({ code: "missing_shards" });
  });

  it("accepts a Hub listing of {name, size}", () => {
    expect(chooseWeightFiles([{ name: "model.gguf" }])).toEqual({ kind: "gguf", files: ["model.gguf"] });
  });
});
