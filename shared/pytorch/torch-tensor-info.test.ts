import { describe, expect, it } from "vitest";
import { isContiguous, torchTensorInfo } from "./torch-tensor-info.ts";
import { PyStorage, PyTensor } from "./pickle-values.ts";
import { PytorchError } from "./pytorch-error.ts";

const storage = new PyStorage("0", "FloatStorage", "F32", "cpu", 24);
const range = { begin: 1000, end: 1096 };

describe("torchTensorInfo", () => {
  it("describes a contiguous view as a byte range inside its storage, like a safetensors entry", () => {
    expect(torchTensorInfo("w", new PyTensor(storage, 0, [4, 6], [6, 1]), range, "m.bin")).toEqual({ name: "w", dtype: "F32", shape: [4, 6], begin: 1000, end: 1096, file: "m.bin" });
    expect(torchTensorInfo("b", new PyTensor(storage, 6, [2, 3], [3, 1]), range, "m.bin")).toMatchObject({ begin: 1024, end: 1048 });
    expect(torchTensorInfo("s", new PyTensor(storage, 23, [], []), range, "m.bin")).toMatchObject({ shape: [], begin: 1092, end: 1096 });
    expect(torchTensorInfo("e", new PyTensor(storage, 0, [0, 5], [5, 1]), range, "m.bin")).toMatchObject({ begin: 1000, end: 1000 });
  });

  it("lists a transposed, strided or expanded view as unreadable, never reading the wrong bytes", () => {
    for (const [size, stride] of [[[6, 4], [1, 6]], [[2, 6], [12, 1]], [[4, 6], [0, 1]]]) {
      const info = torchTensorInfo("t", new PyTensor(storage, 0, size, stride), range, "m.bin");
      expect(info.unreadable).toMatch(/not stored contiguously/);
      expect(info.end).toBe(info.begin);
    }
  });

  it("refuses a view reaching outside its storage or with negative sizes and offsets", () => {
    expect(() => torchTensorInfo("t", new PyTensor(storage, 1, [4, 6], [6, 1]), range, "m.bin")).toThrow(PytorchError);
    expect(() => torchTensorInfo("t", new PyTensor(storage, 0, [2 ** 40, 2 ** 40], [2 ** 40, 1]), range, "m.bin")).toThrow(/too many elements/);
    expect(() => torchTensorInfo("t", new PyTensor(storage, 0, [-1], [1]), range, "m.bin")).toThrow(/negative size/);
    expect(() => torchTensorInfo("t", new PyTensor(storage, -1, [2], [1]), range, "m.bin")).toThrow(/negative storage offset/);
  });

  it("judges contiguity as torch does (length-1 dimensions may have any stride)", () => {
    expect(isContiguous([3, 1, 4], [4, 99, 1])).toBe(true);
    expect(isContiguous([3, 4], [1, 3])).toBe(false);
    expect(isContiguous([], [])).toBe(true);
  });
});
