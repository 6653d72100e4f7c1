import { describe, expect, it } from "vitest";
import { listPytorchTensors, PYTORCH_INDEX } from "./list-pytorch-tensors.ts";
import { parsePytorchIndex } from "./parse-pytorch-index.ts";
import { PytorchError } from "./pytorch-error.ts";
import { memoryByteSource } from "../safetensors/memory-byte-source.ts";
import type { ModelFiles } from "../safetensors/types.ts";
import { encodeTorchCheckpoint, type TorchTensorSpec } from "../../test/helpers/write-torch-checkpoint.ts";
import { encodeSafetensorsIndex } from "../../test/helpers/write-safetensors.ts";

function model(files: Record<string, Uint8Array | string>): ModelFiles {
  return {
    files: Object.keys(files),
    open: (file) => {
      const content = files[file];
      return memoryByteSource(file, typeof content === "string" ? new TextEncoder().encode(content) : content);
    },
  };
}

const t = (name: string): TorchTensorSpec => ({ name, dtype: "F32", shape: [2], data: new Float32Array(2) });

describe("listPytorchTensors", () => {
  it("lists one file in its state dict's order", async () => {
    const { tensors, files } = await listPytorchTensors(model({ "pytorch_model.bin": encodeTorchCheckpoint([t("h.2.w"), t("h.10.w"), t("a")]) }));
    expect(tensors.map((x) => x.name)).toEqual(["h.2.w", "h.10.w", "a"]);
    expect(files).toEqual(["pytorch_model.bin"]);
  });

  it("lists a sharded model: shards sorted, each in the index's weight_map order", async () => {
    const shards = {
      "pytorch_model-00002-of-00002.bin": encodeTorchCheckpoint([t("c"), t("d")]),
      "pytorch_model-00001-of-00002.bin": encodeTorchCheckpoint([t("a"), t("b"), t("unlisted")]),
    };
    const index = encodeSafetensorsIndex([
      ["d", "pytorch_model-00002-of-00002.bin"],
      ["b", "pytorch_model-00001-of-00002.bin"],
      ["c", "pytorch_model-00002-of-00002.bin"],
      ["a", "pytorch_model-00001-of-00002.bin"],
    ]);
    const { tensors, files } = await listPytorchTensors(model({ ...shards, [PYTORCH_INDEX]: index }));
    expect(tensors.map((x) => [x.name, x.file])).toEqual([
      ["b", "pytorch_model-00001-of-00002.bin"],
      ["a", "pytorch_model-00001-of-00002.bin"],
      ["d", "pytorch_model-00002-of-00002.bin"],
      ["c", "pytorch_model-00002-of-00002.bin"],
    ]);
    expect(files).toEqual([PYTORCH_INDEX, "pytorch_model-00001-of-00002.bin", "pytorch_model-00002-of-00002.bin"]);
  });

  it("refuses a missing shard, a tensor the shard lacks, duplicates across files, unsafe shard names", async () => {
    const index = (map: [string, string][]) => encodeSafetensorsIndex(map);
    await expect(listPytorchTensors(model({ [PYTORCH_INDEX]: index([["a", "x.bin"]]) }))).rejects.toThrow(/names shard "x.bin"/);
    await expect(listPytorchTensors(model({ [PYTORCH_INDEX]: index([["zz", "x.bin"]]), "x.bin": encodeTorchCheckpoint([t("a")]) }))).rejects.toThrow(/lacks it/);
    await expect(listPytorchTensors(model({ "a.bin": encodeTorchCheckpoint([t("a")]), "b.bin": encodeTorchCheckpoint([t("a")]) }))).rejects.toThrow(/also in a.bin/);
    await expect(listPytorchTensors(model({ "config.json": "{}" }))).rejects.toBeInstanceOf(PytorchError);
    expect(() => parsePytorchIndex(index([["a", "../etc/passwd.bin"]]), PYTORCH_INDEX)).toThrow(/not a plain \*\.bin/);
    expect(() => parsePytorchIndex(index([["a", "model.safetensors"]]), PYTORCH_INDEX)).toThrow(PytorchError);
    expect(() => parsePytorchIndex("{", PYTORCH_INDEX)).toThrow(/not valid JSON/);
    expect(() => parsePytorchIndex('{"weight_map": {}}', PYTORCH_INDEX)).toThrow(/names no tensors/);
  });
});
