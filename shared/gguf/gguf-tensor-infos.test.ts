import { describe, expect, it } from "vitest";
import { ggufTensorInfos } from "./gguf-tensor-infos.ts";
import { parseGgufHeader } from "./parse-gguf-header.ts";
import { GgufError } from "./gguf-error.ts";
import { memoryByteSource } from "../safetensors/memory-byte-source.ts";
import { encodeGguf, GgufWriter, meta, type GgufTensorSpec } from "../../test/helpers/write-gguf.ts";

async function infos(bytes: Uint8Array) {
  return ggufTensorInfos(await parseGgufHeader(memoryByteSource("m.gguf", bytes), "m.gguf"));
}

/** A header whose single tensor info is written by hand. */
function oneTensor(ne: number[], typeId: number, offset: number, dataBytes: number, alignment = 32): Uint8Array {
  const w = new GgufWriter().raw(new TextEncoder().encode("GGUF")).u32(3).u64(1).u64(1).kv("general.alignment", meta.u32(alignment));
  w.string("t.weight").u32(ne.length);
  for (const d of ne) w.u64(d);
  w.u32(typeId).u64(offset).pad(alignment).raw(new Uint8Array(dataBytes));
  return w.bytes();
}

async function refusal(bytes: Uint8Array): Promise<GgufError> {
  const error = await infos(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GgufError);
  return error as GgufError;
}

describe("ggufTensorInfos", () => {
  it("turns ne = [cols, rows] into the row-major shape [rows, cols], with absolute byte ranges", async () => {
    const tensors: GgufTensorSpec[] = [
      { name: "token_embd.weight", type: "F16", ne: [8, 5], data: new Float32Array(40) },
      { name: "blk.0.ffn_down.weight", type: "Q4_K", ne: [256, 3], data: new Uint8Array(3 * 144) },
      { name: "v.patch_embd.weight", type: "F32", ne: [2, 2, 3, 4], data: new Float32Array(48) },
      { name: "blk.0.attn_q.weight", type: "IQ2_XS", ne: [256, 2], data: new Uint8Array(2 * 74) },
      { name: "scalar", type: "F32", ne: [], data: new Float32Array(1) },
    ];
    const bytes = encodeGguf({ tensors });
    const header = await parseGgufHeader(memoryByteSource("m.gguf", bytes), "m.gguf");
    const list = ggufTensorInfos(header);
    expect(list.map((t) => [t.name, t.dtype, t.shape, t.end - t.begin])).toEqual([
      ["token_embd.weight", "F16", [5, 8], 80],
      ["blk.0.ffn_down.weight", "Q4_K", [3, 256], 432],
      ["v.patch_embd.weight", "F32", [4, 3, 2, 2], 192],
      ["blk.0.attn_q.weight", "IQ2_XS", [2, 256], 148],
      ["scalar", "F32", [], 4],
    ]);
    expect(list[0].begin).toBe(header.dataStart);
    expect(list.every((t) => t.file === "m.gguf")).toBe(true);
    expect(list[3].unreadable).toBe("unsupported quantization IQ2_XS");
    expect(list.filter((t) => t.unreadable !== undefined)).toHaveLength(1);
  });

  it("refuses unknown types, partial blocks, misaligned or out-of-file offsets, and overlapping tensors", async () => {
    expect((await refusal(oneTensor([32], 99, 0, 128))).message).toMatch(/ggml type id 99/);
    expect((await refusal(oneTensor([32], 4, 0, 128))).code).toBe("unknown_tensor_type");
    expect((await refusal(oneTensor([100, 2], 12, 0, 288))).code).toBe("partial_block");
    expect((await refusal(oneTensor([4], 0, 8, 64))).code).toBe("misaligned_offset");
    expect((await refusal(oneTensor([4], 0, 32, 40))).code).toBe("data_past_end");
    expect((await refusal(oneTensor([2 ** 26, 2 ** 26], 0, 0, 16))).code).toBe("data_past_end");
    expect((await refusal(oneTensor([2 ** 40, 2 ** 20], 0, 0, 16))).code).toBe("invalid_dimensions");
    const w = new GgufWriter().raw(new TextEncoder().encode("GGUF")).u32(3).u64(2).u64(0);
    w.string("a").u32(1).u64(16).u32(0).u64(0);
    w.string("b").u32(1).u64(16).u32(0).u64(32);
    const overlapping = w.pad(32).raw(new Uint8Array(96)).bytes();
    expect((await refusal(overlapping)).code).toBe("overlapping_data");
  });
});
