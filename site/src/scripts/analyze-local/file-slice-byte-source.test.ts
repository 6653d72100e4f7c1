import { describe, expect, it } from "vitest";
import { fileSliceByteSource } from "./file-slice-byte-source.ts";

const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
const file = new File([bytes], "model.safetensors");

describe("fileSliceByteSource", () => {
  it("reads ranges of a File by slicing it", async () => {
    const source = fileSliceByteSource(file, { sliceBytes: 7 });
    expect(source.name).toBe("model.safetensors");
    expect(await source.size()).toBe(100);
    expect(Array.from(await source.read(3, 4))).toEqual([3, 4, 5, 6]);
    expect(Array.from(await source.read(10, 30))).toEqual(Array.from(bytes.slice(10, 40)));
    expect(await source.read(100, 0)).toHaveLength(0);
  });

  it("streams in slices of at most sliceBytes", async () => {
    const chunks: number[][] = [];
    for await (const chunk of fileSliceByteSource(file, { sliceBytes: 8 }).stream(90, 10)) chunks.push(Array.from(chunk));
    expect(chunks).toEqual([[90, 91, 92, 93, 94, 95, 96, 97], [98, 99]]);
  });

  it("rejects ranges outside the file with a typed error", async () => {
    const source = fileSliceByteSource(file);
    await expect(source.read(95, 10)).rejects.toMatchObject({ name: "ByteRangeError", code: "out_of_range" });
    await expect(source.read(-1, 2)).rejects.toMatchObject({ code: "out_of_range" });
    const stream = source.stream(0, 101)[Symbol.asyncIterator]();
    await expect(stream.next()).rejects.toMatchObject({ code: "out_of_range" });
  });

  it("reports a file that reads shorter than its size", async () => {
    const shrunk = { name: "gone.safetensors", size: 10, slice: () => new Blob([new Uint8Array(3)]) } as unknown as File;
    await expect(fileSliceByteSource(shrunk).read(0, 10)).rejects.toMatchObject({ code: "short_read", message: expect.stringMatching(/gave 3 of the 10 bytes/) });
  });

  it("refuses a slice size that is not a positive integer", () => {
    expect(() => fileSliceByteSource(file, { sliceBytes: 0 })).toThrow(RangeError);
  });
});
