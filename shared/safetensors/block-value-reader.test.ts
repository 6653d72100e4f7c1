import { describe, expect, it } from "vitest";
import { tensorValueReader } from "./tensor-value-reader.ts";
import { blockValueReader } from "./block-value-reader.ts";
import { memoryByteSource } from "./memory-byte-source.ts";
import { NonFiniteWeightError } from "./non-finite-weight-error.ts";
import { SafetensorsError } from "./safetensors-error.ts";
import { ByteRangeError } from "./byte-range-error.ts";
import type { BlockDtype, ByteSource, TensorInfo } from "./types.ts";
import { blockValues, encodeBlock, randomBlockSpec, type BlockSpec } from "../../test/helpers/ggml-blocks.ts";
import { seededRandom } from "../../test/helpers/seeded-random.ts";

async function collect(chunks: AsyncIterable<Float32Array>): Promise<{ values: number[]; sizes: number[] }> {
  const values: number[] = [];
  const sizes: number[] = [];
  for await (const chunk of chunks) {
    sizes.push(chunk.length);
    values.push(...chunk);
  }
  return { values, sizes };
}

const SIZES: Record<BlockDtype, [number, number]> = {
  Q4_0: [32, 18], Q4_1: [32, 20], Q5_0: [32, 22], Q5_1: [32, 24], Q8_0: [32, 34],
  Q2_K: [256, 84], Q3_K: [256, 110], Q4_K: [256, 144], Q5_K: [256, 176], Q6_K: [256, 210],
};

/** `blocks` random blocks of `dtype` at byte 5 of a file, a tensor of [rows, cols] over them, and their values. */
function setup(dtype: BlockDtype, rows: number, cols: number, sourceChunk: number, seed = 1) {
  const [valuesPerBlock, bytesPerBlock] = SIZES[dtype];
  const blocks = (rows * cols) / valuesPerBlock;
  const random = seededRandom(seed);
  const specs: BlockSpec[] = Array.from({ length: blocks }, () => {
    const spec = randomBlockSpec(dtype, random);
    // keep the scales tame so no value overflows
    return { ...spec, d: 0.5, ...("m" in spec ? { m: -1 } : {}), ...("dmin" in spec ? { dmin: 0.25 } : {}) } as BlockSpec;
  });
  const file = new Uint8Array(5 + blocks * bytesPerBlock + 7);
  specs.forEach((s, i) => file.set(encodeBlock(s), 5 + i * bytesPerBlock));
  const tensor: TensorInfo = { name: "w.weight", dtype, shape: [rows, cols], begin: 5, end: 5 + blocks * bytesPerBlock, file: "m.gguf" };
  return { source: memoryByteSource("m.gguf", file, { chunkBytes: sourceChunk }), tensor, values: specs.flatMap(blockValues), bytesPerBlock };
}

describe("blockValueReader (through tensorValueReader)", () => {
  it.each(Object.keys(SIZES) as BlockDtype[])("streams every %s value for awkward source chunkings", async (dtype) => {
    for (const sourceChunk of [1, 7, 100, 1 << 20]) {
      const { source, tensor, values } = setup(dtype, 4, 512, sourceChunk);
      const { values: got } = await collect(tensorValueReader(source, tensor, { chunkBytes: 500 })(0, 2048));
      expect(got).toEqual(values);
    }
  });

  it("keeps chunks to whole blocks within chunkBytes (at least one block)", async () => {
    const { source, tensor } = setup("Q4_K", 8, 256, 1 << 20);
    expect((await collect(tensorValueReader(source, tensor, { chunkBytes: 300 })(0, 2048))).sizes).toEqual([512, 512, 512, 512]);
    expect((await collect(tensorValueReader(source, tensor, { chunkBytes: 1 })(0, 2048))).sizes).toEqual(Array(8).fill(256));
  });

  it("reads sub-ranges that start and end inside blocks (row panels, any element range)", async () => {
    const { source, tensor, values } = setup("Q8_0", 6, 64, 13);
    const read = tensorValueReader(source, tensor, { chunkBytes: 40 });
    for (const [first, count] of [[0, 384], [64, 128], [5, 1], [31, 2], [33, 300], [383, 1], [100, 0], [384, 0]]) {
      expect((await collect(read(first, count))).values).toEqual(values.slice(first, first + count));
    }
  });

  it("refuses ranges outside the tensor, a size that does not match, and a type it does not decode", async () => {
    const { source, tensor } = setup("Q4_0", 2, 32, 64);
    const read = tensorValueReader(source, tensor);
    for (const [first, count] of [[60, 5], [-1, 1], [0.5, 1]]) await expect(collect(read(first, count))).rejects.toBeInstanceOf(SafetensorsError);
    expect(() => blockValueReader(source, { ...tensor, end: tensor.end - 1 })).toThrow(/does not fill/);
    expect(() => blockValueReader(source, { ...tensor, shape: [2, 16] })).toThrow(SafetensorsError);
    expect(() => tensorValueReader(source, { ...tensor, dtype: "IQ2_XS" })).toThrow(/not one heavytail decodes/);
    expect(() => tensorValueReader(source, { ...tensor, unreadable: "unsupported quantization IQ2_XS" })).toThrow(/unsupported quantization IQ2_XS/);
  });

  it("raises NonFiniteWeightError at the element an infinite f16 scale makes non-finite", async () => {
    const { source, tensor } = setup("Q4_0", 2, 32, 64);
    const bytes = await source.read(0, await source.size());
    bytes.set([0x00, 0x7c], 5 + 18); // d = +Inf in the second block
    const error = await collect(tensorValueReader(memoryByteSource("m.gguf", bytes), tensor)(3, 61)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonFiniteWeightError);
    expect(error).toMatchObject({ tensor: "w.weight", index: 32 });
  });

  it("fails clearly, without hanging, when the source ends early or delivers too much", async () => {
    const tensor: TensorInfo = { name: "w.weight", dtype: "Q4_0", shape: [64], begin: 0, end: 36, file: "m" };
    const lying = (chunks: Uint8Array[]): ByteSource => ({
      name: "lying",
      size: async () => 36,
      read: async () => new Uint8Array(36),
      async *stream() {
        yield* chunks;
      },
    });
    for (const chunks of [[new Uint8Array(20)], [new Uint8Array(18)], [new Uint8Array(54)], [new Uint8Array(36), new Uint8Array(1)]]) {
      await expect(collect(tensorValueReader(lying(chunks), tensor)(0, 64))).rejects.toBeInstanceOf(ByteRangeError);
    }
  });
});
