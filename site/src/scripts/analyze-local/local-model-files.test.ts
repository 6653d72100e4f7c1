import { describe, expect, it } from "vitest";
import { localModelFiles } from "./local-model-files.ts";

const file = (name: string, text = "x", folder?: string) => {
  const f = new File([text], name);
  if (folder) Object.defineProperty(f, "webkitRelativePath", { value: `${folder}/${name}` });
  return f;
};

describe("localModelFiles", () => {
  it("takes one .safetensors file, named after it", async () => {
    const { model, description } = localModelFiles([file("tiny-model.safetensors", "abc"), file("README.md")]);
    expect(model.files).toEqual(["tiny-model.safetensors"]);
    expect(description).toEqual({ id: "tiny-model", source: "local", revision: null, sha: null, family: null });
    expect(Array.from(await model.open("tiny-model.safetensors").read(0, 3))).toEqual([97, 98, 99]);
  });

  it("takes a sharded model with its index, sorted, and names it after a chosen folder", () => {
    const dropped = ["model-00002-of-00002.safetensors", "model.safetensors.index.json", "model-00001-of-00002.safetensors", "config.json"].map((n) => file(n, "x", "llama-mini"));
    const { model, description } = localModelFiles(dropped);
    expect(model.files).toEqual(["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors", "model.safetensors.index.json"]);
    expect(description.id).toBe("llama-mini");
  });

  it("refuses drops without a safetensors file, or with two files of one name", () => {
    expect(() => localModelFiles([file("model.safetensors.index.json")])).toThrow(expect.objectContaining({ code: "no_model_files" }));
    expect(() => localModelFiles([])).toThrow(/none of the files is a \.safetensors file/);
    expect(() => localModelFiles([file("a.safetensors"), file("a.safetensors")])).toThrow(expect.objectContaining({ code: "duplicate_file" }));
  });

  it("says which file is missing when asked for one that was not dropped", () => {
    const { model } = localModelFiles([file("a.safetensors")]);
    expect(() => model.open("b.safetensors")).toThrow(/"b.safetensors" was not among the dropped files/);
  });
});
