import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileByteSource } from "./file-byte-source.ts";
import { ByteRangeError, parseSafetensorsHeader, tensorValueReader, SafetensorsError } from "#shared/safetensors";
import { encodeSafetensors } from "../test/helpers/write-safetensors.ts";

let dir: string;
const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "heavytail-file-source-"));
  writeFileSync(join(dir, "data.bin"), bytes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(chunks: AsyncIterable<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts;
}

describe("fileByteSource", () => {
  it("reports the size and reads exact ranges", async () => {
    const source = fileByteSource(join(dir, "data.bin"));
    expect(await source.size()).toBe(1000);
    expect(await source.read(10, 5)).toEqual(bytes.slice(10, 15));
    expect(await source.read(1000, 0)).toEqual(new Uint8Array(0));
  });

  it("streams in chunks no larger than its buffer", async () => {
    const source = fileByteSource(join(dir, "data.bin"), { bufferBytes: 64 });
    const parts = await collect(source.stream(3, 500));
    expect(parts.every((p) => p.byteLength <= 64)).toBe(true);
    expect(Uint8Array.from(parts.flatMap((p) => [...p]))).toEqual(bytes.slice(3, 503));
  });

  it("reads one chunk ahead, and a caller that stops early leaves no read behind", async () => {
    const source = fileByteSource(join(dir, "data.bin"), { bufferBytes: 100 });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      for (let k = 0; k < 20; k++) {
        for await (const chunk of source.stream(0, 1000)) {
          expect(chunk).toEqual(bytes.slice(0, 100));
          break;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off("unhandledRejection", onRejection);
    }
    expect(rejections).toEqual([]);
    expect(Uint8Array.from((await collect(source.stream(950, 50))).flatMap((p) => [...p]))).toEqual(bytes.slice(950));
  });

  it("rejects ranges outside the file with a typed error", async () => {
    const source = fileByteSource(join(dir, "data.bin"));
    await expect(source.read(995, 10)).rejects.toBeInstanceOf(ByteRangeError);
    await expect(source.read(-1, 2)).rejects.toBeInstanceOf(ByteRangeError);
    await expect(collect(source.stream(0, 1001))).rejects.toBeInstanceOf(ByteRangeError);
  });

  it("fails when the file is missing", async () => {
    await expect(fileByteSource(join(dir, "absent.bin")).size()).rejects.toThrow(/ENOENT/);
  });

  it("reads a safetensors file end to end, and a truncated one fails with the file and tensor named", async () => {
    const path = join(dir, "model.safetensors");
    const values = Float32Array.from({ length: 300 }, (_, i) => Math.sin(i));
    writeFileSync(path, encodeSafetensors([{ name: "fc.weight", dtype: "F32", shape: [10, 30], data: values }]));
    const source = fileByteSource(path, { bufferBytes: 7 });
    const [tensor] = (await parseSafetensorsHeader(source, "model.safetensors")).tensors;
    const chunks = [];
    for await (const chunk of tensorValueReader(source, tensor, { chunkBytes: 100 })(0, 300)) chunks.push(...chunk);
    expect(Float32Array.from(chunks)).toEqual(values);

    truncateSync(path, 600);
    const error = await parseSafetensorsHeader(fileByteSource(path), "model.safetensors").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SafetensorsError);
    expect(error).toMatchObject({ code: "data_past_end", tensor: "fc.weight", file: "model.safetensors" });
  });
});
