import { describe, expect, it } from "vitest";
import { listTorchFileTensors } from "./list-torch-file-tensors.ts";
import { PytorchError } from "./pytorch-error.ts";
import { memoryByteSource } from "../safetensors/memory-byte-source.ts";
import type { ByteSource } from "../safetensors/types.ts";
import { encodeTorchCheckpoint, encodeZip, stateDictPickle, type TorchTensorSpec } from "../../test/helpers/write-torch-checkpoint.ts";

const ramp = (n: number) => Float32Array.from({ length: n }, (_, i) => i / 4 - 1);
const list = (bytes: Uint8Array) => listTorchFileTensors(memoryByteSource("pytorch_model.bin", bytes), "pytorch_model.bin");

async function refusal(bytes: Uint8Array): Promise<PytorchError> {
  const error = await list(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PytorchError);
  expect((error as Error).message).toMatch(/^pytorch_model\.bin: /);
  return error as PytorchError;
}

const tensors: TorchTensorSpec[] = [
  { name: "encoder.weight", dtype: "F32", shape: [3, 4], data: ramp(12) },
  { name: "encoder.bias", dtype: "F16", shape: [3], data: ramp(3) },
  { name: "decoder.weight", dtype: "F32", shape: [4, 3], stride: [1, 4], data: ramp(12), storage: "0" }, // tied, transposed
  { name: "head.weight", dtype: "BF16", shape: [2, 2], data: ramp(8), offset: 4, parameter: true },
];

describe("listTorchFileTensors", () => {
  it("lists a torch.save'd state dict in its order, each tensor a byte range of its stored storage entry", async () => {
    for (const options of [{}, { prefix: "pytorch_model" }, { zip64: true }, { byteorder: null }]) {
      const bytes = encodeTorchCheckpoint(tensors, options);
      const infos = await list(bytes);
      expect(infos.map((t) => [t.name, t.dtype, t.shape, t.end - t.begin])).toEqual([
        ["encoder.weight", "F32", [3, 4], 48],
        ["encoder.bias", "F16", [3], 6],
        ["decoder.weight", "F32", [4, 3], 0],
        ["head.weight", "BF16", [2, 2], 8],
      ]);
      expect(infos[2].unreadable).toMatch(/not stored contiguously/);
      // the bytes at each range are the tensor's values
      expect(Array.from(new Float32Array(bytes.slice(infos[0].begin, infos[0].end).buffer))).toEqual(Array.from(ramp(12)));
      expect(infos[0].begin % 64).toBe(0);
      const head = new Uint16Array(bytes.slice(infos[3].begin, infos[3].end).buffer);
      expect(head[0]).toBe(new Uint16Array(new Float32Array([ramp(8)[4]]).buffer)[1]);
    }
  });

  it("unwraps a training checkpoint's state_dict", async () => {
    const bytes = encodeTorchCheckpoint(tensors.slice(0, 1), { wrap: "state_dict" });
    expect((await list(bytes)).map((t) => t.name)).toEqual(["encoder.weight"]);
  });

  it("reads only the directory, data.pkl and small headers, never the storages", async () => {
    const bytes = encodeTorchCheckpoint([{ name: "w", dtype: "F32", shape: [256, 256], data: new Float32Array(65536) }]);
    let read = 0;
    const counting: ByteSource = { ...memoryByteSource("m", bytes), read: async (offset, length) => ((read += length), bytes.slice(offset, offset + length)) };
    await listTorchFileTensors(counting, "m");
    expect(read).toBeLessThan(bytes.byteLength / 2);
  });

  it("refuses legacy checkpoints with advice, and files that are not checkpoints", async () => {
    const legacy = await refusal(new Uint8Array([0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, ...new Array(40).fill(0)]));
    expect(legacy.code).toBe("legacy_format");
    expect(legacy.message).toMatch(/convert it to safetensors/);
    const tar = new Uint8Array(1024);
    tar.set(new TextEncoder().encode("ustar"), 257);
    expect((await refusal(tar)).code).toBe("legacy_format");
    expect((await refusal(new TextEncoder().encode("just some text, not a zip"))).code).toBe("not_zip");
    expect((await refusal(encodeZip([{ name: "readme.txt", data: new Uint8Array(4) }]))).code).toBe("not_a_checkpoint");
    expect((await refusal(encodeTorchCheckpoint(tensors, { byteorder: "big" }))).code).toBe("big_endian");
  });

  it("refuses lying archives: truncated, sizes past the directory, a storage smaller than claimed, a missing storage", async () => {
    const good = encodeTorchCheckpoint(tensors);
    expect((await refusal(good.subarray(0, good.byteLength - 10))).code).toBe("not_zip");
    expect((await refusal(good.subarray(100))).code).toBe("invalid_zip");
    // the central directory claims more entries than it can hold
    const many = good.slice();
    const eocd = many.byteLength - 22;
    new DataView(many.buffer).setUint16(eocd + 8, 60000, true);
    new DataView(many.buffer).setUint16(eocd + 10, 60000, true);
    expect((await refusal(many)).code).toBe("invalid_zip");
    // a storage entry shorter than its persistent id claims
    const short = encodeZip([
      { name: "archive/data.pkl", data: stateDictPickle([{ name: "w", dtype: "F32", shape: [4], data: new Float32Array(4) }]) },
      { name: "archive/data/0", data: new Uint8Array(8) },
    ]);
    expect((await refusal(short)).message).toMatch(/claims 4 FloatStorage elements/);
    const missing = encodeZip([{ name: "archive/data.pkl", data: stateDictPickle([{ name: "w", dtype: "F32", shape: [4], data: new Float32Array(4) }]) }]);
    expect((await refusal(missing)).message).toMatch(/no entry archive\/data\/0/);
    // a view larger than its storage
    const huge = encodeZip([
      { name: "archive/data.pkl", data: stateDictPickle([{ name: "w", dtype: "F32", shape: [2 ** 20, 2 ** 20], data: new Float32Array(4) }]) },
      { name: "archive/data/0", data: new Uint8Array(16) },
    ]);
    expect((await refusal(huge)).code).toBe("invalid_tensor");
  });

  it("refuses compressed and encrypted entries, and a pickle that is not a state dict", async () => {
    const bytes = encodeTorchCheckpoint(tensors).slice();
    const view = new DataView(bytes.buffer);
    // find the central entry of data.pkl and mark it deflated
    const cd = view.getUint32(bytes.byteLength - 6, true);
    view.setUint16(cd + 10, 8, true);
    expect((await refusal(bytes)).message).toMatch(/compressed/);
    view.setUint16(cd + 10, 0, true);
    view.setUint16(cd + 8, 1, true);
    expect((await refusal(bytes)).message).toMatch(/encrypted/);
    const notStateDict = encodeZip([{ name: "archive/data.pkl", data: new Uint8Array([0x80, 2, 0x4b, 7, 0x2e]) }]);
    expect((await refusal(notStateDict)).code).toBe("not_a_state_dict");
  });
});
