import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseSafetensorsHeader, MAX_HEADER_BYTES } from "./parse-safetensors-header.ts";
import { memoryByteSource } from "./memory-byte-source.ts";
import { SafetensorsError } from "./safetensors-error.ts";
import type { ByteSource } from "./types.ts";
import { encodeSafetensors, encodeSafetensorsRaw } from "../../test/helpers/write-safetensors.ts";

const FILE = "model.safetensors";

function parse(bytes: Uint8Array) {
  return parseSafetensorsHeader(memoryByteSource(FILE, bytes), FILE);
}

async function failure(bytes: Uint8Array): Promise<SafetensorsError> {
  const error = await parse(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SafetensorsError);
  return error as SafetensorsError;
}

/** Records every byte range read, to prove the parser stays inside the header. */
function recording(source: ByteSource) {
  const reads: [number, number][] = [];
  return {
    reads,
    source: {
      ...source,
      read: (offset: number, length: number) => {
        reads.push([offset, length]);
        return source.read(offset, length);
      },
      stream: (offset: number, length: number) => {
        reads.push([offset, length]);
        return source.stream(offset, length);
      },
    } satisfies ByteSource,
  };
}

const f32 = (n: number) => new Uint8Array(4 * n);

describe("parseSafetensorsHeader", () => {
  it("reads the real fixture's header: 309 tensors, metadata, absolute offsets, and nothing past the header", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("../../test/fixtures/ppocrv4_rec/model.safetensors", import.meta.url)));
    const { source, reads } = recording(memoryByteSource(FILE, bytes));
    const header = await parseSafetensorsHeader(source, FILE);
    expect(header.headerLength).toBe(26816);
    expect(header.tensors).toHaveLength(309);
    expect(header.metadata.license).toMatch(/Apache-2.0/);
    const conv = header.tensors.find((t) => t.name === "conv2d_10.weight")!;
    expect(conv).toEqual({
      name: "conv2d_10.weight",
      dtype: "F32",
      shape: [16, 3, 3, 3],
      begin: 8 + 26816 + 13696,
      end: 8 + 26816 + 15424,
      file: FILE,
    });
    expect(Math.max(...reads.map(([o, l]) => o + l))).toBe(8 + 26816);
  });

  it("keeps header order, turns offsets absolute, and parses 0-D and empty tensors", async () => {
    const bytes = encodeSafetensors(
      [
        { name: "b.weight", dtype: "F32", shape: [2, 3], data: f32(6) },
        { name: "scalar", dtype: "F32", shape: [], data: f32(1) },
        { name: "empty", dtype: "F16", shape: [0, 4], data: new Uint8Array(0) },
        { name: "a.weight", dtype: "BF16", shape: [5], data: new Uint8Array(10) },
      ],
      { format: "pt" },
    );
    const header = await parse(bytes);
    const start = 8 + header.headerLength;
    expect(header.headerLength % 8).toBe(0);
    expect(header.metadata).toEqual({ format: "pt" });
    expect(header.tensors.map((t) => [t.name, t.begin - start, t.end - start])).toEqual([
      ["b.weight", 0, 24],
      ["scalar", 24, 28],
      ["empty", 28, 28],
      ["a.weight", 28, 38],
    ]);
  });

  it("accepts a header without __metadata__ and an empty file body", async () => {
    const header = await parse(encodeSafetensors([]));
    expect(header.tensors).toEqual([]);
    expect(header.metadata).toEqual({});
  });

  it("treats hostile keys as plain names and handles very long ones", async () => {
    const long = "x".repeat(100_000) + ".weight";
    const bytes = encodeSafetensors(
      [
        { name: "__proto__", dtype: "F32", shape: [1], data: f32(1) },
        { name: "constructor", dtype: "F32", shape: [1], data: f32(1) },
        { name: long, dtype: "F32", shape: [1], data: f32(1) },
      ],
      JSON.parse('{"__proto__": "evil", "toString": "x"}'),
    );
    const header = await parse(bytes);
    expect(header.tensors.map((t) => t.name)).toEqual(["__proto__", "constructor", long]);
    expect(Object.keys(header.metadata).sort()).toEqual(["__proto__", "toString"]);
    expect(Object.getPrototypeOf(header.metadata)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const bad = encodeSafetensorsRaw({ [long]: { dtype: "F33", shape: [1], data_offsets: [0, 4] } }, f32(1));
    const error = await failure(bad);
    expect(error.code).toBe("unknown_dtype");
    expect(error.tensor).toBe(long);
    expect(error.message.length).toBeLessThan(400);
  });

  describe("bad input gets a typed error naming the file (and the tensor)", () => {
    const cases: [string, () => Uint8Array, string, string | undefined][] = [
      ["an empty file", () => new Uint8Array(0), "file_too_short", undefined],
      ["a 7-byte file", () => new Uint8Array(7), "file_too_short", undefined],
      ["a header length past the end", () => encodeSafetensorsRaw({}, new Uint8Array(0), { headerLength: 1000n }), "header_past_end", undefined],
      ["an absurd header length", () => encodeSafetensorsRaw({}, new Uint8Array(0), { headerLength: 2n ** 63n }), "header_too_large", undefined],
      [
        "a header length just over the cap",
        () => encodeSafetensorsRaw({}, new Uint8Array(0), { headerLength: BigInt(MAX_HEADER_BYTES + 1) }),
        "header_too_large",
        undefined,
      ],
      ["invalid JSON", () => encodeSafetensorsRaw('{"a": [1, 2', new Uint8Array(0)), "invalid_header_json", undefined],
      ["invalid UTF-8", () => encodeSafetensorsRaw('{"\xff": 1}', new Uint8Array(0)).map((b, i) => (i === 10 ? 0xff : b)), "invalid_header_json", undefined],
      ["a JSON array", () => encodeSafetensorsRaw("[1, 2]", new Uint8Array(0)), "header_not_object", undefined],
      ["JSON null", () => encodeSafetensorsRaw("null", new Uint8Array(0)), "header_not_object", undefined],
      ["metadata that is not strings", () => encodeSafetensorsRaw({ __metadata__: { n: 1 } }, new Uint8Array(0)), "invalid_metadata", undefined],
      ["an entry that is not an object", () => encodeSafetensorsRaw({ w: [1, 2] }, new Uint8Array(0)), "invalid_tensor_entry", "w"],
      ["an unknown dtype", () => encodeSafetensorsRaw({ w: { dtype: "C64", shape: [1], data_offsets: [0, 8] } }, new Uint8Array(8)), "unknown_dtype", "w"],
      ["a missing dtype", () => encodeSafetensorsRaw({ w: { shape: [1], data_offsets: [0, 4] } }, f32(1)), "unknown_dtype", "w"],
      ["a negative dimension", () => encodeSafetensorsRaw({ w: { dtype: "F32", shape: [-1, 2], data_offsets: [0, 0] } }, f32(0)), "invalid_shape", "w"],
      ["a fractional dimension", () => encodeSafetensorsRaw({ w: { dtype: "F32", shape: [1.5], data_offsets: [0, 6] } }, new Uint8Array(6)), "invalid_shape", "w"],
      ["a shape that is a string", () => encodeSafetensorsRaw({ w: { dtype: "F32", shape: "2,2", data_offsets: [0, 16] } }, f32(4)), "invalid_shape", "w"],
      [
        "a shape whose element count overflows",
        () => encodeSafetensorsRaw({ w: { dtype: "F32", shape: [2 ** 30, 2 ** 30, 2 ** 30], data_offsets: [0, 4] } }, f32(1)),
        "invalid_shape",
        "w",
      ],
      ["offsets that are not a pair", () => encodeSafetensorsRaw({ w: { dtype: "F32", shape: [1], data_offsets: [0] } }, f32(1)), "invalid_offsets", "w"],
      ["offsets in reverse", () => encodeSafetensorsRaw({ w: { dtype: "F32", shape: [1], data_offsets: [4, 0] } }, f32(1)), "invalid_offsets", "w"],
      [
        "a shape that disagrees with the byte length",
        () => encodeSafetensorsRaw({ w: { dtype: "F32", shape: [2, 2], data_offsets: [0, 12] } }, f32(3)),
        "size_mismatch",
        "w",
      ],
      [
        "overlapping offsets",
        () =>
          encodeSafetensorsRaw(
            { a: { dtype: "F32", shape: [2], data_offsets: [0, 8] }, b: { dtype: "F32", shape: [2], data_offsets: [4, 12] } },
            f32(3),
          ),
        "overlapping_offsets",
        "b",
      ],
      [
        "a gap between tensors",
        () =>
          encodeSafetensorsRaw(
            { a: { dtype: "F32", shape: [1], data_offsets: [0, 4] }, b: { dtype: "F32", shape: [1], data_offsets: [8, 12] } },
            f32(3),
          ),
        "gap_in_offsets",
        "b",
      ],
      ["a gap before the first tensor", () => encodeSafetensorsRaw({ a: { dtype: "F32", shape: [1], data_offsets: [4, 8] } }, f32(2)), "gap_in_offsets", "a"],
      ["offsets past the end of the file", () => encodeSafetensorsRaw({ a: { dtype: "F32", shape: [4], data_offsets: [0, 16] } }, f32(2)), "data_past_end", "a"],
      ["bytes after the last tensor", () => encodeSafetensorsRaw({ a: { dtype: "F32", shape: [1], data_offsets: [0, 4] } }, f32(2)), "trailing_data", "a"],
      [
        "a truncated file",
        () => encodeSafetensors([{ name: "w.weight", dtype: "F32", shape: [4, 4], data: f32(16) }]).slice(0, -5),
        "data_past_end",
        "w.weight",
      ],
    ];
    it.each(cases)("%s", async (_label, make, code, tensor) => {
      const error = await failure(make());
      expect(error.code).toBe(code);
      expect(error.file).toBe(FILE);
      expect(error.message).toContain(FILE);
      expect(error.tensor).toBe(tensor);
      if (tensor !== undefined) expect(error.message).toContain(JSON.stringify(tensor));
    });
  });
});
