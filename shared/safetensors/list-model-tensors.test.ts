import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { listModelTensors, SAFETENSORS_INDEX } from "./list-model-tensors.ts";
import { memoryByteSource } from "./memory-byte-source.ts";
import { SafetensorsError } from "./safetensors-error.ts";
import type { ModelFiles } from "./types.ts";
import { encodeSafetensors, encodeSafetensorsIndex, type TensorSpec } from "../../test/helpers/write-safetensors.ts";

function model(files: Record<string, Uint8Array | string>): ModelFiles {
  return {
    files: Object.keys(files),
    open(file) {
      const content = files[file];
      if (content === undefined) throw new Error(`no file ${file}`);
      return memoryByteSource(file, typeof content === "string" ? new TextEncoder().encode(content) : content);
    },
  };
}

const t = (name: string): TensorSpec => ({ name, dtype: "F32", shape: [2], data: new Uint8Array(8) });

describe("listModelTensors", () => {
  it("lists a single file sorted by name (h.10 before h.2), with its metadata", async () => {
    const file = encodeSafetensors([t("h.2.w"), t("h.10.w"), t("a"), t("h.1.w")], { format: "pt" });
    const { tensors, metadata } = await listModelTensors(model({ "config.json": "{}", "model.safetensors": file }));
    expect(tensors.map((x) => x.name)).toEqual(["a", "h.1.w", "h.10.w", "h.2.w"]);
    expect(tensors.every((x) => x.file === "model.safetensors")).toBe(true);
    expect(metadata).toEqual({ format: "pt" });
  });

  it("orders a sharded model by shard file name, then the index's weight_map order within each shard", async () => {
    const s1 = "model-00001-of-00002.safetensors";
    const s2 = "model-00002-of-00002.safetensors";
    const index = encodeSafetensorsIndex([
      ["lm_head.weight", s2],
      ["b.weight", s1],
      ["final.weight", s2],
      ["a.weight", s1],
    ]);
    const files = {
      [SAFETENSORS_INDEX]: index,
      [s2]: encodeSafetensors([t("final.weight"), t("lm_head.weight"), t("unlisted")], { shard: "2", format: "pt" }),
      [s1]: encodeSafetensors([t("a.weight"), t("b.weight")], { shard: "1" }),
    };
    const { tensors, metadata } = await listModelTensors(model(files));
    expect(tensors.map((x) => [x.name, x.file])).toEqual([
      ["b.weight", s1],
      ["a.weight", s1],
      ["lm_head.weight", s2],
      ["final.weight", s2],
    ]);
    expect(metadata).toEqual({ shard: "1", format: "pt" });
  });

  it("fails clearly when the index names a tensor its shard lacks, or a shard the model lacks", async () => {
    const s1 = "model-00001-of-00001.safetensors";
    const missingTensor = model({ [SAFETENSORS_INDEX]: encodeSafetensorsIndex([["gone.weight", s1]]), [s1]: encodeSafetensors([t("a")]) });
    await expect(listModelTensors(missingTensor)).rejects.toMatchObject({ code: "missing_tensor", file: s1, tensor: "gone.weight" });
    const missingShard = model({ [SAFETENSORS_INDEX]: encodeSafetensorsIndex([["a", "other.safetensors"]]), [s1]: encodeSafetensors([t("a")]) });
    await expect(listModelTensors(missingShard)).rejects.toMatchObject({ code: "missing_shard" });
  });

  it("without an index, takes the .safetensors files in name order and refuses a tensor in two files", async () => {
    const files = { "b.safetensors": encodeSafetensors([t("y"), t("x")]), "a.safetensors": encodeSafetensors([t("z")]) };
    const { tensors } = await listModelTensors(model(files));
    expect(tensors.map((x) => x.name)).toEqual(["z", "x", "y"]);
    const twice = { "a.safetensors": encodeSafetensors([t("x")]), "b.safetensors": encodeSafetensors([t("x")]) };
    await expect(listModelTensors(model(twice))).rejects.toMatchObject({ code: "duplicate_tensor", tensor: "x" });
  });

  it("refuses a model with no safetensors file", async () => {
    await expect(listModelTensors(model({ "pytorch_model.bin": new Uint8Array(4) }))).rejects.toBeInstanceOf(SafetensorsError);
  });

  it("lists the real fixture: 309 tensors in name order", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("../../test/fixtures/ppocrv4_rec/model.safetensors", import.meta.url)));
    const { tensors, metadata } = await listModelTensors(model({ "model.safetensors": bytes }));
    expect(tensors).toHaveLength(309);
    expect(tensors[0].name).toBe("batch_norm2d_148.bias");
    expect(metadata.format).toBe("pt");
  });
});
