import { describe, expect, it } from "vitest";
import { selectWeightFiles } from "./select-weight-files.ts";

const files = (...names: string[]) => names.map((name) => ({ name }));

describe("selectWeightFiles", () => {
  it("prefers the sharded index, then model.safetensors, then a lone .safetensors file", () => {
    expect(selectWeightFiles(files("model.safetensors.index.json", "model-00001-of-00002.safetensors", "config.json"))).toEqual({
      index: "model.safetensors.index.json",
      file: null,
    });
    expect(selectWeightFiles(files("model.safetensors", "model.fp16.safetensors"))).toEqual({ index: null, file: "model.safetensors" });
    expect(selectWeightFiles(files("weights.safetensors", "sub/other.safetensors"))).toEqual({ index: null, file: "weights.safetensors" });
  });
  it("refuses repos without safetensors, or with several and no index", () => {
    expect(() => selectWeightFiles(files("pytorch_model.bin"))).toThrow(expect.objectContaining({ status: 422, code: "no_safetensors" }));
    expect(() => selectWeightFiles(files("a.safetensors", "b.safetensors"))).toThrow(/several/);
  });
});
