import { describe, expect, it } from "vitest";
import { parseGgufHeader } from "./parse-gguf-header.ts";
import { GgufError } from "./gguf-error.ts";
import { memoryByteSource } from "../safetensors/memory-byte-source.ts";
import type { ByteSource } from "../safetensors/types.ts";
import { encodeGguf, GgufWriter, meta } from "../../test/helpers/write-gguf.ts";

const parse = (bytes: Uint8Array) => parseGgufHeader(memoryByteSource("m.gguf", bytes), "m.gguf");

/** The first bytes of a header: magic, version, tensor count, key count. */
const start = (tensors: number | bigint, keys: number | bigint, version = 3) =>
  new GgufWriter().raw(new TextEncoder().encode("GGUF")).u32(version).u64(tensors).u64(keys);

async function refusal(bytes: Uint8Array): Promise<GgufError> {
  const error = await parse(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GgufError);
  expect((error as Error).message).toMatch(/^m\.gguf: /);
  return error as GgufError;
}

describe("parseGgufHeader", () => {
  it("reads every metadata value type, arrays (nested, of strings) included, in file order", async () => {
    const bytes = encodeGguf({
      metadata: [
        ["general.architecture", meta.string("llama")],
        ["u8", { type: "uint8", value: 255 }],
        ["i8", { type: "int8", value: -128 }],
        ["u16", { type: "uint16", value: 65535 }],
        ["i16", { type: "int16", value: -32768 }],
        ["u32", { type: "uint32", value: 4294967295 }],
        ["i32", { type: "int32", value: -2147483648 }],
        ["f32", { type: "float32", value: 0.5 }],
        ["f64", { type: "float64", value: 0.1 }],
        ["yes", { type: "bool", value: true }],
        ["u64", { type: "uint64", value: 2n ** 64n - 1n }],
        ["i64", { type: "int64", value: -5 }],
        ["unicode", meta.string("ünï ✓ 𝄞")],
        ["tokens", meta.strings(["<s>", "</s>", "a"])],
        ["nested", { type: "array", itemType: "array", items: [{ type: "array", itemType: "int32", items: [{ type: "int32", value: 1 }, { type: "int32", value: -2 }] }] }],
        ["empty", { type: "array", itemType: "float32", items: [] }],
      ],
      tensors: [],
    });
    const header = await parse(bytes);
    expect(header).toMatchObject({ version: 3, alignment: 32, tensors: [], dataStart: bytes.byteLength });
    const values = Object.fromEntries([...header.metadata].map(([k, e]) => [k, e.value]));
    expect(values).toEqual({
      "general.architecture": "llama",
      u8: 255, i8: -128, u16: 65535, i16: -32768, u32: 4294967295, i32: -2147483648, f32: 0.5, f64: 0.1, yes: true,
      u64: 2n ** 64n - 1n, i64: -5, unicode: "ünï ✓ 𝄞",
      tokens: { itemType: "string", length: 3, values: ["<s>", "</s>", "a"] },
      nested: { itemType: "array", length: 1, values: [{ itemType: "int32", length: 2, values: [1, -2] }] },
      empty: { itemType: "float32", length: 0, values: [] },
    });
    expect([...header.metadata.keys()][0]).toBe("general.architecture");
    expect(header.metadata.get("f64")!.type).toBe("float64");
  });

  it("reads past long arrays (a vocabulary) without keeping them", async () => {
    const words = Array.from({ length: 5000 }, (_, i) => `tok${i}`);
    const bytes = encodeGguf({ metadata: [["tokenizer.ggml.tokens", meta.strings(words)], ["scores", { type: "array", itemType: "float32", items: words.map(() => ({ type: "float32" as const, value: 1 })) }], ["after", meta.u32(7)]], tensors: [] });
    const header = await parse(bytes);
    expect(header.metadata.get("tokenizer.ggml.tokens")!.value).toEqual({ itemType: "string", length: 5000, values: null });
    expect(header.metadata.get("scores")!.value).toEqual({ itemType: "float32", length: 5000, values: null });
    expect(header.metadata.get("after")!.value).toBe(7);
  });

  it("lists tensor infos (ne fastest-varying first, type id, offset) and finds the aligned data section, versions 2 and 3", async () => {
    for (const version of [2, 3] as const) {
      for (const alignment of [undefined, 8, 64]) {
        const bytes = encodeGguf({
          version,
          metadata: alignment === undefined ? [] : [["general.alignment", meta.u32(alignment)]],
          tensors: [
            { name: "blk.0.attn_q.weight", type: "F32", ne: [3, 2], data: new Float32Array(6) },
            { name: "output_norm.weight", type: "F32", ne: [3], data: new Float32Array(3) },
          ],
        });
        const header = await parse(bytes);
        const a = alignment ?? 32;
        expect(header.version).toBe(version);
        expect(header.alignment).toBe(a);
        expect(header.dataStart % a).toBe(0);
        expect(header.tensors).toEqual([
          { name: "blk.0.attn_q.weight", ne: [3, 2], typeId: 0, offset: 0 },
          { name: "output_norm.weight", ne: [3], typeId: 0, offset: Math.ceil(24 / a) * a },
        ]);
      }
    }
  });

  it("reads only the header, in bounded reads, from a source that claims a terabyte", async () => {
    const header = encodeGguf({ metadata: [["general.architecture", meta.string("llama")]], tensors: [{ name: "w", type: "F32", ne: [4], data: new Float32Array(4) }] });
    const reads: [number, number][] = [];
    const huge: ByteSource = {
      name: "huge.gguf",
      size: async () => 2 ** 40,
      read: async (offset, length) => {
        reads.push([offset, length]);
        const out = new Uint8Array(length);
        out.set(header.subarray(offset, offset + length));
        return out;
      },
      stream: () => {
        throw new Error("the header parser must not stream");
      },
    };
    const parsed = await parseGgufHeader(huge, "huge.gguf");
    expect(parsed.tensors).toHaveLength(1);
    expect(reads.every(([offset, length]) => offset < header.byteLength && length <= 1 << 20)).toBe(true);
  });

  it("refuses what is not a readable GGUF file, naming the file", async () => {
    expect((await refusal(new TextEncoder().encode("PK\u0003\u0004 not a gguf file at all"))).code).toBe("not_gguf");
    expect((await refusal(new Uint8Array(10))).code).toBe("not_gguf");
    expect((await refusal(start(0, 0, 1).bytes())).message).toMatch(/version 1/);
    expect((await refusal(start(0, 0, 4).bytes())).code).toBe("unsupported_version");
    expect((await refusal(start(0, 0, 3 << 24).bytes())).code).toBe("big_endian");
  });

  it("refuses counts and lengths that would allocate far more than the file holds", async () => {
    expect((await refusal(start(2n ** 62n, 0).bytes())).code).toBe("too_many_entries");
    expect((await refusal(start(0, 2n ** 40n).bytes())).code).toBe("too_many_entries");
    expect((await refusal(start(1000, 0).bytes())).message).toMatch(/bytes left in the file/);
    // a key claiming 2^60 bytes
    expect((await refusal(start(0, 1).string("k", 2n ** 60n).raw(new Uint8Array(32)).bytes())).code).toBe("string_too_long");
    // a value string longer than the file
    expect((await refusal(start(0, 1).kv("k", meta.u32(1)).bytes().subarray(0, 38))).code).toBe("truncated");
    const w = start(0, 1).string("k").u32(8).u64(1 << 20).raw(new Uint8Array(10));
    expect((await refusal(w.bytes())).code).toBe("truncated");
    // an array of 2^50 uint64 values
    expect((await refusal(start(0, 1).string("k").u32(9).u32(10).u64(2n ** 50n).bytes())).message).toMatch(/claims 1125899906842624 items/);
    // an array of a billion strings in a few bytes
    expect((await refusal(start(0, 1).string("k").u32(9).u32(8).u64(1e9).raw(new Uint8Array(64)).bytes())).code).toBe("truncated");
  });

  it("refuses invalid values: unknown types, bad bools, deep nesting, duplicate keys, invalid UTF-8 keys, bad alignment", async () => {
    expect((await refusal(start(0, 1).string("k").u32(13).u32(0).bytes())).code).toBe("invalid_value_type");
    expect((await refusal(start(0, 1).string("k").u32(9).u32(99).u64(0).bytes())).code).toBe("invalid_value_type");
    expect((await refusal(start(0, 1).string("k").u32(7).u8(2).bytes())).code).toBe("invalid_bool");
    let deep = start(0, 1).string("k").u32(9);
    for (let i = 0; i < 10; i++) deep = deep.u32(9).u64(1);
    expect((await refusal(deep.u32(0).u64(0).bytes())).code).toBe("nesting_too_deep");
    expect((await refusal(start(0, 2).kv("k", meta.u32(1)).kv("k", meta.u32(2)).bytes())).code).toBe("duplicate_key");
    expect((await refusal(start(0, 1).string(new Uint8Array([0xff, 0xfe])).u32(4).u32(0).bytes())).code).toBe("invalid_utf8");
    for (const bad of [meta.u32(0), meta.u32(48), meta.u64(32), meta.string("32")]) {
      expect((await refusal(start(0, 1).kv("general.alignment", bad).bytes())).code).toBe("invalid_alignment");
    }
  });

  it("refuses broken tensor infos: too many dimensions, huge dimensions, duplicate names, truncation", async () => {
    const info = (w: GgufWriter, name: string, dims: (number | bigint)[]) => {
      w.string(name).u32(dims.length);
      for (const d of dims) w.u64(d);
      return w.u32(0).u64(0);
    };
    expect((await refusal(info(start(1, 0), "t", [1, 1, 1, 1, 1]).bytes())).code).toBe("invalid_dimensions");
    expect((await refusal(info(start(1, 0), "t", [2n ** 60n]).bytes())).code).toBe("invalid_dimensions");
    expect((await refusal(info(info(start(2, 0), "t", [1]), "t", [1]).bytes())).code).toBe("duplicate_tensor");
    expect((await refusal(start(1, 0).string("t").u32(4).u64(1).bytes())).code).toBe("truncated");
    expect((await refusal(start(1, 0).string("x".repeat(2000)).bytes())).code).toBe("string_too_long");
  });

  it("refuses a header beyond the size limit", async () => {
    const bytes = encodeGguf({ metadata: [["big", meta.string("x".repeat(5000))]], tensors: [] });
    const error = await parseGgufHeader(memoryByteSource("m.gguf", bytes), "m.gguf", { maxHeaderBytes: 1000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "header_too_large" });
  });
});
