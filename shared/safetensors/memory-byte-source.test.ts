import { describe, expect, it } from "vitest";
import { memoryByteSource } from "./memory-byte-source.ts";
import { ByteRangeError } from "./byte-range-error.ts";

describe("memoryByteSource", () => {
  const bytes = Uint8Array.from({ length: 10 }, (_, i) => i);

  it("reads ranges and streams them in chunks of the given size", async () => {
    const source = memoryByteSource("mem", bytes, { chunkBytes: 3 });
    expect(await source.size()).toBe(10);
    expect(await source.read(2, 4)).toEqual(Uint8Array.from([2, 3, 4, 5]));
    const chunks: number[][] = [];
    for await (const chunk of source.stream(1, 8)) chunks.push([...chunk]);
    expect(chunks).toEqual([[1, 2, 3], [4, 5, 6], [7, 8]]);
  });

  it("rejects ranges outside the bytes and a chunk size below one", async () => {
    const source = memoryByteSource("mem", bytes);
    await expect(source.read(8, 3)).rejects.toBeInstanceOf(ByteRangeError);
    expect(() => memoryByteSource("mem", bytes, { chunkBytes: 0 })).toThrow(RangeError);
  });
});
