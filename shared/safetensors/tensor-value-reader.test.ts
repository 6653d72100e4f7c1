import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { tensorValueReader } from "./tensor-value-reader.ts";
import { memoryByteSource } from "./memory-byte-source.ts";
import { parseSafetensorsHeader } from "./parse-safetensors-header.ts";
import { NonFiniteWeightError } from "./non-finite-weight-error.ts";
import { SafetensorsError } from "./safetensors-error.ts";
import { ByteRangeError } from "./byte-range-error.ts";
import type { ByteSource, Dtype, TensorInfo } from "./types.ts";
import { encodeSafetensors } from "../../test/helpers/write-safetensors.ts";

async function collect(chunks: AsyncIterable<Float32Array>): Promise<{ values: number[]; sizes: number[] }> {
  const values: number[] = [];
  const sizes: number[] = [];
  for await (const chunk of chunks) {
    sizes.push(chunk.length);
    values.push(...chunk);
  }
  return { values, sizes };
}

/** One tensor in a file served by a source that cuts its stream into `sourceChunk`-byte pieces. */
async function setup(dtype: Dtype, shape: number[], data: Uint8Array | Float32Array, sourceChunk: number) {
  const bytes = encodeSafetensors([
    { name: "pad", dtype: "U8", shape: [3], data: new Uint8Array([1, 2, 3]) },
    { name: "w.weight", dtype, shape, data },
  ]);
  const source = memoryByteSource("m.safetensors", bytes, { chunkBytes: sourceChunk });
  const header = await parseSafetensorsHeader(source, "m.safetensors");
  return { source, tensor: header.tensors[1] };
}

const ramp = (n: number) => Float32Array.from({ length: n }, (_, i) => (i - n / 2) / 7);

describe("tensorValueReader", () => {
  it.each([1, 3, 5, 7, 64, 1 << 20])("decodes every value when the source yields %i-byte chunks", async (sourceChunk) => {
    const data = ramp(101);
    const { source, tensor } = await setup("F32", [101], data, sourceChunk);
    const read = tensorValueReader(source, tensor, { chunkBytes: 40 });
    const { values, sizes } = await collect(read(0, 101));
    expect(values).toEqual(Array.from(data));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
  });

  it.each(["F64", "BF16", "F16"] as const)("carries values of %s cut across source chunks", async (dtype) => {
    const data = ramp(33);
    const { source, tensor } = await setup(dtype, [3, 11], data, 3);
    const expected = await collect(tensorValueReader(memoryByteSource("x", await source.read(0, await source.size())), tensor)(0, 33));
    const { values } = await collect(tensorValueReader(source, tensor, { chunkBytes: 5 })(0, 33));
    expect(values).toEqual(expected.values);
    if (dtype === "F64") expect(values).toEqual(Array.from(data));
  });

  it("reads a sub-range (a row panel) starting mid-tensor", async () => {
    const data = ramp(60);
    const { source, tensor } = await setup("F32", [6, 10], data, 7);
    const read = tensorValueReader(source, tensor, { chunkBytes: 12 });
    expect((await collect(read(17, 25))).values).toEqual(Array.from(data.subarray(17, 42)));
    expect((await collect(read(60, 0))).values).toEqual([]);
    // the reader can be called again (wide matrices are read in panels)
    expect((await collect(read(0, 3))).values).toEqual(Array.from(data.subarray(0, 3)));
  });

  it("keeps chunks at least one value long when chunkBytes is smaller than a value", async () => {
    const { source, tensor } = await setup("F64", [4], ramp(4), 1);
    const { sizes } = await collect(tensorValueReader(source, tensor, { chunkBytes: 1 })(0, 4));
    expect(sizes).toEqual([1, 1, 1, 1]);
  });

  it.each([
    ["NaN", "F32", Float32Array.from([1, 2, NaN, 4]), 2],
    ["+Inf", "F32", Float32Array.from([1, Infinity, 3, 4]), 1],
    ["-Inf in F16", "F16", Float32Array.from([1, 2, 3, -Infinity]), 3],
    ["NaN in BF16", "BF16", Float32Array.from([NaN, 0, 0, 0]), 0],
  ] as const)("raises NonFiniteWeightError on %s, naming tensor and element", async (_label, dtype, data, index) => {
    const { source, tensor } = await setup(dtype, [2, 2], data, 3);
    const error = await collect(tensorValueReader(source, tensor, { chunkBytes: 4 })(0, 4)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonFiniteWeightError);
    expect(error).toMatchObject({ tensor: "w.weight", index, file: "m.safetensors", code: "non_finite_weight" });
    expect((error as Error).message).toContain(`element ${index}`);
  });

  it("raises NonFiniteWeightError for F64 values beyond the float32 range (they become Inf)", async () => {
    const bytes = new Uint8Array(new Float64Array([1, 1e39]).buffer);
    const { source, tensor } = await setup("F64", [2], bytes, 5);
    const error = await collect(tensorValueReader(source, tensor)(0, 2)).catch((e: unknown) => e);
    expect(error).toMatchObject({ index: 1, value: Infinity });
  });

  it("rejects element ranges outside the tensor", async () => {
    const { source, tensor } = await setup("F32", [4], ramp(4), 4);
    const read = tensorValueReader(source, tensor);
    for (const [first, count] of [
      [3, 2],
      [-1, 1],
      [0.5, 1],
    ]) {
      await expect(collect(read(first, count))).rejects.toBeInstanceOf(SafetensorsError);
    }
  });

  it("fails clearly, without hanging, when the source ends early or delivers too much", async () => {
    const tensor: TensorInfo = { name: "w.weight", dtype: "F32", shape: [4], begin: 0, end: 16, file: "m" };
    const lying = (chunks: Uint8Array[]): ByteSource => ({
      name: "lying",
      size: async () => 16,
      read: async () => new Uint8Array(16),
      async *stream() {
        yield* chunks;
      },
    });
    await expect(collect(tensorValueReader(lying([new Uint8Array(6)]), tensor)(0, 4))).rejects.toBeInstanceOf(ByteRangeError);
    await expect(collect(tensorValueReader(lying([new Uint8Array(8)]), tensor)(0, 4))).rejects.toBeInstanceOf(ByteRangeError);
    await expect(collect(tensorValueReader(lying([new Uint8Array(20)]), tensor)(0, 4))).rejects.toBeInstanceOf(ByteRangeError);
  });

  it("streams a real layer of the fixture identically for any source chunking", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("../../test/fixtures/ppocrv4_rec/model.safetensors", import.meta.url)));
    const whole = memoryByteSource("f", bytes);
    const tensor = (await parseSafetensorsHeader(whole, "f")).tensors.find((t) => t.name === "linear_77.weight")!;
    const n = (tensor.end - tensor.begin) / 4;
    const expected = new Float32Array(bytes.slice(tensor.begin, tensor.end).buffer);
    const { values } = await collect(tensorValueReader(memoryByteSource("f", bytes, { chunkBytes: 4093 }), tensor, { chunkBytes: 1000 })(0, n));
    expect(Float32Array.from(values)).toEqual(expected);
  });
});
