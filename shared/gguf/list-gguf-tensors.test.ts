import { describe, expect, it } from "vitest";
import { listGgufTensors } from "./list-gguf-tensors.ts";
import { GgufError } from "./gguf-error.ts";
import { memoryByteSource } from "../safetensors/memory-byte-source.ts";
import type { ModelFiles } from "../safetensors/types.ts";
import { encodeGguf, meta, type GgufTensorSpec } from "../../test/helpers/write-gguf.ts";

function model(files: Record<string, Uint8Array>): ModelFiles {
  return { files: Object.keys(files), open: (file) => memoryByteSource(file, files[file]) };
}

const f32 = (name: string, ne: number[]): GgufTensorSpec => ({ name, type: "F32", ne, data: new Float32Array(ne.reduce((p, d) => p * d, 1)) });

describe("listGgufTensors", () => {
  it("maps a llama file's names to Hugging Face's, sorts them, and reports the file type", async () => {
    const bytes = encodeGguf({
      metadata: [["general.architecture", meta.string("llama")], ["general.file_type", meta.u32(15)], ["general.name", meta.string("Tiny")]],
      tensors: [
        f32("token_embd.weight", [8, 16]),
        f32("blk.0.attn_norm.weight", [8]),
        { name: "blk.0.attn_q.weight", type: "Q8_0", ne: [32, 8], data: new Uint8Array(8 * 34) },
        { name: "blk.0.ffn_up.weight", type: "IQ4_XS", ne: [256, 4], data: new Uint8Array(4 * 136) },
        f32("blk.10.ffn_down.weight", [4, 8]),
        f32("output.weight", [8, 16]),
      ],
    });
    const listing = await listGgufTensors(model({ "tiny-Q4_K_M.gguf": bytes }));
    expect(listing.tensors.map((t) => [t.name, t.dtype, t.shape])).toEqual([
      ["lm_head.weight", "F32", [16, 8]],
      ["model.embed_tokens.weight", "F32", [16, 8]],
      ["model.layers.0.input_layernorm.weight", "F32", [8]],
      ["model.layers.0.mlp.up_proj.weight", "IQ4_XS", [4, 256]],
      ["model.layers.0.self_attn.q_proj.weight", "Q8_0", [8, 32]],
      ["model.layers.10.mlp.down_proj.weight", "F32", [8, 4]],
    ]);
    expect(listing.tensors[3].unreadable).toBe("unsupported quantization IQ4_XS");
    expect(listing).toMatchObject({ files: ["tiny-Q4_K_M.gguf"], architecture: "llama", fileType: "Q4_K_M" });
    expect(listing.metadata).toMatchObject({ "general.name": "Tiny", "general.file_type": "15" });
  });

  it("keeps GGUF names for an architecture without a known mapping", async () => {
    const bytes = encodeGguf({ metadata: [["general.architecture", meta.string("gpt2")]], tensors: [f32("blk.0.attn_qkv.weight", [4, 12]), f32("token_embd.weight", [4, 10])] });
    const listing = await listGgufTensors(model({ "g.gguf": bytes }));
    expect(listing.tensors.map((t) => t.name)).toEqual(["blk.0.attn_qkv.weight", "token_embd.weight"]);
    expect(listing.fileType).toBeNull();
  });

  it("reads the shards of a split model in shard order", async () => {
    const shard = (no: number, tensors: GgufTensorSpec[]) =>
      encodeGguf({ metadata: [["general.architecture", meta.string("llama")], ["split.no", { type: "uint16", value: no }], ["split.count", { type: "uint16", value: 2 }]], tensors });
    const files = {
      "m-00002-of-00002.gguf": shard(1, [f32("output.weight", [4, 10])]),
      "m-00001-of-00002.gguf": shard(0, [f32("token_embd.weight", [4, 10])]),
    };
    const listing = await listGgufTensors(model(files));
    expect(listing.files).toEqual(["m-00001-of-00002.gguf", "m-00002-of-00002.gguf"]);
    expect(listing.tensors.map((t) => [t.name, t.file])).toEqual([
      ["lm_head.weight", "m-00002-of-00002.gguf"],
      ["model.embed_tokens.weight", "m-00001-of-00002.gguf"],
    ]);
  });

  it("refuses several GGUF files that are not one split model, shards out of place, and tensors in two shards", async () => {
    const one = encodeGguf({ tensors: [f32("a.weight", [2])] });
    await expect(listGgufTensors(model({ "m-Q4_K_M.gguf": one, "m-Q8_0.gguf": one }))).rejects.toThrow(/choose one/);
    await expect(listGgufTensors(model({ "m-00001-of-00003.gguf": one, "m-00002-of-00003.gguf": one }))).rejects.toBeInstanceOf(GgufError);
    await expect(listGgufTensors(model({ "m-00001-of-00002.gguf": one, "m-00002-of-00002.gguf": one }))).rejects.toThrow(/also in/);
    const misplaced = encodeGguf({ metadata: [["split.no", { type: "uint16", value: 0 }]], tensors: [f32("b.weight", [2])] });
    await expect(listGgufTensors(model({ "m-00001-of-00002.gguf": one, "m-00002-of-00002.gguf": misplaced }))).rejects.toThrow(/split\.no/);
  });
});
