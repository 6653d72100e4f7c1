import { describe, expect, it } from "vitest";
import { analyzeModel } from "./analyze-model.ts";
import { memoryByteSource } from "../safetensors/memory-byte-source.ts";
import type { ByteSource } from "../safetensors/types.ts";
import { GgufError } from "../gguf/gguf-error.ts";
import { PytorchError } from "../pytorch/pytorch-error.ts";
import { encodeGguf, GgufWriter, meta } from "../../test/helpers/write-gguf.ts";
import { encodeTorchCheckpoint, encodeZip, Global, encodePickle, Reduce } from "../../test/helpers/write-torch-checkpoint.ts";

const options = { randomize: false, seed: 0, engine: "js", now: () => new Date(0) };
const description = { id: "hostile", source: "local" as const, revision: null, sha: null, family: null };
const analyse = (name: string, bytes: Uint8Array, wrap: (s: ByteSource) => ByteSource = (s) => s) =>
  analyzeModel({ files: [name], open: (f) => wrap(memoryByteSource(f, bytes)) }, description, options);

const gaussianish = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);

describe("hostile GGUF and PyTorch files", () => {
  it.each([
    ["a truncated header", encodeGguf({ metadata: [["general.name", meta.string("x".repeat(100))]], tensors: [] }).subarray(0, 60)],
    ["a count of 2^40 tensors", new GgufWriter().raw(new TextEncoder().encode("GGUF")).u32(3).u64(2n ** 40n).u64(0).bytes()],
    ["a 2^62-byte string", new GgufWriter().raw(new TextEncoder().encode("GGUF")).u32(3).u64(0).u64(1).string("k").u32(8).u64(2n ** 62n).raw(new Uint8Array(64)).bytes()],
    ["a tensor past the end", encodeGguf({ tensors: [{ name: "w.weight", type: "F32", ne: [16, 16], data: new Float32Array(256) }] }).subarray(0, 400)],
    ["a huge claimed shape", (() => {
      const w = new GgufWriter().raw(new TextEncoder().encode("GGUF")).u32(3).u64(1).u64(0).string("w.weight").u32(2).u64(2 ** 30).u64(2 ** 30).u32(12).u64(0);
      return w.pad(32).raw(new Uint8Array(1024)).bytes();
    })()],
  ])("refuses a GGUF file with %s before analysing anything", async (_what, bytes) => {
    const error = await analyse("m.gguf", bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GgufError);
    expect(error).toMatchObject({ status: 422, file: "m.gguf" });
  });

  it.each([
    ["a global outside the allow-list", encodeZip([{ name: "archive/data.pkl", data: encodePickle(new Reduce(new Global("posix", "system"), ["rm -rf /"])) }])],
    ["an unknown opcode", encodeZip([{ name: "archive/data.pkl", data: new Uint8Array([0x80, 2, 0x69, 0x2e]) }])],
    ["memo abuse", encodeZip([{ name: "archive/data.pkl", data: new Uint8Array([0x80, 2, 0x6a, 255, 255, 255, 255, 0x2e]) }])],
    ["a legacy pickle", new Uint8Array([0x80, 2, 0x8a, 10, ...new Array(60).fill(1)])],
    ["a truncated archive", encodeTorchCheckpoint([{ name: "w.weight", dtype: "F32", shape: [4, 4], data: new Float32Array(16) }]).subarray(0, 300)],
  ])("refuses a .bin with %s", async (_what, bytes) => {
    const error = await analyse("pytorch_model.bin", bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PytorchError);
    expect(error).toMatchObject({ status: 422, file: "pytorch_model.bin" });
  });

  it("records a layer whose bytes the source cannot deliver as failed, and completes the report", async () => {
    const bytes = encodeGguf({
      tensors: [
        { name: "a.weight", type: "F32", ne: [24, 40], data: gaussianish(960) },
        { name: "b.weight", type: "F32", ne: [24, 40], data: gaussianish(960) },
      ],
    });
    // a server that cuts every stream of the second tensor short
    const second = bytes.byteLength - 960 * 4;
    const cut = (source: ByteSource): ByteSource => ({
      ...source,
      async *stream(offset, length) {
        for await (const chunk of source.stream(offset, length)) yield offset >= second ? chunk.subarray(0, chunk.byteLength - 3) : chunk;
      },
    });
    const report = await analyse("m.gguf", bytes, cut);
    expect(report.layers.map((l) => l.name)).toEqual(["a"]);
    expect(report.failed).toMatchObject([{ name: "b", error: expect.stringMatching(/ended after/) }]);
  });
});
