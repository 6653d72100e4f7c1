import { describe, expect, it } from "vitest";
import { unpickle } from "./unpickle.ts";
import { PytorchError } from "./pytorch-error.ts";
import { PyDict, PyGlobal, PyList, PyTensor, PyTuple } from "./pickle-values.ts";
import { Dict, encodePickle, Global, Persistent, Reduce, stateDictPickle } from "../../test/helpers/write-torch-checkpoint.ts";

const bytes = (...parts: (number | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "number" ? [p] : Array.from(new TextEncoder().encode(p)))));

function refusal(pickle: Uint8Array): PytorchError {
  try {
    unpickle(pickle, "m.bin");
  } catch (error) {
    expect(error).toBeInstanceOf(PytorchError);
    expect((error as Error).message).toMatch(/^m\.bin: data\.pkl: /);
    return error as PytorchError;
  }
  throw new Error("the pickle was accepted");
}

describe("unpickle", () => {
  it("reads a state dict as torch pickles it: OrderedDict, _rebuild_tensor_v2 with a storage persistent id, _metadata through BUILD", () => {
    const pickle = stateDictPickle([
      { name: "fc.weight", dtype: "F32", shape: [2, 3], data: new Float32Array(6) },
      { name: "fc.bias", dtype: "F16", shape: [2], data: new Float32Array(2), parameter: true },
      { name: "tied.weight", dtype: "F32", shape: [3, 2], stride: [1, 3], data: new Float32Array(6), storage: "0" },
    ]);
    const root = unpickle(pickle, "m.bin");
    expect(root).toBeInstanceOf(PyDict);
    const entries = [...(root as PyDict).entries];
    expect(entries.map(([k]) => k)).toEqual(["fc.weight", "fc.bias", "tied.weight"]);
    const [w, b, tied] = entries.map(([, v]) => v as PyTensor);
    expect(w).toMatchObject({ offset: 0, size: [2, 3], stride: [3, 1], storage: { key: "0", type: "FloatStorage", dtype: "F32", location: "cpu", numel: 6 } });
    expect(b).toMatchObject({ size: [2], storage: { key: "1", dtype: "F16" } });
    expect(tied.storage).toBe(w.storage);
    expect(tied.stride).toEqual([1, 3]);
  });

  it("reads protocol 4 framing and the values a pickle may hold", () => {
    // PROTO 4, FRAME, SHORT_BINUNICODE, MEMOIZE, STACK_GLOBAL, EMPTY_LIST/APPENDS, LONG1, BINFLOAT, TUPLE3, NONE
    const root = unpickle(
      bytes(0x80, 4, 0x95, 1, 0, 0, 0, 0, 0, 0, 0, 0x7d, 0x94, 0x8c, 1, "a", 0x5d, 0x28, 0x8a, 5, 0, 0, 0, 0, 1, 0x8a, 1, 0xff, 0x47, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0, 0x65, 0x73,
        0x8c, 1, "b", 0x8c, 11, "collections", 0x8c, 11, "OrderedDict", 0x93, 0x29, 0x52, 0x94, 0x73,
        0x8c, 1, "c", 0x4e, 0x88, 0x89, 0x87, 0x73, 0x2e),
      "m.bin",
    ) as PyDict;
    const list = root.entries.get("a") as PyList;
    expect(list.items).toEqual([2 ** 32, -1, 1.5]);
    expect(root.entries.get("b")).toBeInstanceOf(PyDict);
    expect((root.entries.get("c") as PyTuple).items).toEqual([null, true, false]);
  });

  it("refuses globals outside the allow-list, naming them, without calling anything", () => {
    for (const [module, name] of [["os", "system"], ["builtins", "eval"], ["torch", "load"], ["torch._utils", "_rebuild_qtensor"], ["numpy.core.multiarray", "_reconstruct"], ["torch", "ComplexFloatStorage"]]) {
      const error = refusal(encodePickle(new Reduce(new Global(module, name), ["echo hacked"])));
      expect(error.code).toBe("global_not_allowed");
      expect(error.message).toContain(`${module}.${name}`);
    }
    // an allowed storage type is not callable
    expect(refusal(encodePickle(new Reduce(new Global("torch", "FloatStorage"), [3]))).code).toBe("global_not_allowed");
    // a persistent id whose storage type is not a storage
    expect(refusal(encodePickle(new Persistent(["storage", new Global("collections", "OrderedDict"), "0", "cpu", 4]))).code).toBe("global_not_allowed");
  });

  it("refuses opcodes a state dict does not use, naming them", () => {
    for (const [op, name] of [[0x69, "INST"], [0x81, "NEWOBJ"], [0x6f, "OBJ"], [0x8b, "LONG4"], [0x50, "PERSID"], [0x42, "BINBYTES"], [0x8f, "EMPTY_SET"], [0x82, "EXT1"], [0x01, ""]] as const) {
      const error = refusal(bytes(0x80, 2, op, 0x2e));
      expect(error.code).toBe("opcode_not_allowed");
      expect(error.message).toContain(`0x${op.toString(16).padStart(2, "0")}`);
      if (name) expect(error.message).toContain(name);
    }
  });

  it("refuses malformed and hostile pickles: truncation, lying lengths, stack and memo abuse, bombs", () => {
    expect(refusal(bytes(0x80, 2)).code).toBe("invalid_pickle"); // no STOP
    expect(refusal(bytes(0x80, 9, 0x4e, 0x2e)).message).toMatch(/protocol 9/);
    expect(refusal(bytes(0x80, 2, 0x58, 0xff, 0xff, 0xff, 0xff, 0x61)).message).toMatch(/needs 4294967295 bytes/);
    expect(refusal(bytes(0x80, 4, 0x8d, 0, 0, 0, 0, 0, 0, 0, 1, 0x2e)).message).toMatch(/claims/);
    expect(refusal(bytes(0x80, 2, 0x52, 0x2e)).message).toMatch(/empty stack/);
    expect(refusal(bytes(0x80, 2, 0x68, 7, 0x2e)).message).toMatch(/memo entry 7/);
    expect(refusal(bytes(0x80, 2, 0x74, 0x2e)).message).toMatch(/no MARK/);
    expect(refusal(bytes(0x80, 2, 0x4e, 0x4e, 0x2e)).message).toMatch(/left on the stack/);
    expect(refusal(bytes(0x80, 2, 0x63, "os", 0x2e)).code).toBe("invalid_pickle"); // GLOBAL without its lines
    expect(refusal(bytes(0x80, 2, 0x8a, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0x2e)).message).toMatch(/9-byte integer/);
    expect(refusal(bytes(0x80, 2, 0x5d, 0x4e, 0x4e, 0x73, 0x2e)).message).toMatch(/not a dict/);
    expect(refusal(bytes(0x80, 2, 0x7d, 0x5d, 0x4e, 0x73, 0x2e)).message).toMatch(/dict key/);
    // MARK bomb
    expect(refusal(new Uint8Array([0x80, 2, ...new Array(70_000).fill(0x28), 0x2e])).message).toMatch(/MARKs/);
    // stack bomb
    expect(refusal(new Uint8Array([0x80, 2, ...new Array((1 << 20) + 5).fill(0x4e), 0x2e])).message).toMatch(/stack grows/);
    // a list that memo references make huge: append the same list to itself again and again
    const appendBomb = [0x80, 2, 0x5d, 0x71, 0];
    for (let i = 0; i < 1100; i++) appendBomb.push(0x28, ...new Array(4000).fill(0).flatMap(() => [0x68, 0]), 0x65);
    expect(refusal(new Uint8Array([...appendBomb, 0x2e])).message).toMatch(/more than \d+ items/);
  });

  it("refuses a persistent id that is not a storage and a rebuild with the wrong arguments", () => {
    expect(refusal(encodePickle(new Persistent(["module", 1]))).message).toMatch(/persistent id/);
    expect(refusal(encodePickle(new Persistent(["storage", new Global("torch", "FloatStorage"), "../../etc", "cpu", 4]))).message).toMatch(/storage key/);
    expect(refusal(encodePickle(new Persistent(["storage", new Global("torch", "FloatStorage"), "0", "cpu", -4]))).message).toMatch(/negative/);
    const rebuild = new Global("torch._utils", "_rebuild_tensor_v2");
    expect(refusal(encodePickle(new Reduce(rebuild, [1, 0, [2], [1], false, null]))).message).toMatch(/not a storage/);
    const storage = new Persistent(["storage", new Global("torch", "FloatStorage"), "0", "cpu", 4]);
    expect(refusal(encodePickle(new Reduce(rebuild, [storage, 0, [2, 2], [1], false, null]))).message).toMatch(/size and stride/);
    expect(refusal(encodePickle(new Reduce(rebuild, [storage, 0, [2, "x"], [2, 1], false, null]))).message).toMatch(/not an integer/);
    expect(refusal(encodePickle(new Reduce(new Global("collections", "OrderedDict"), [new Dict([])]))).message).toMatch(/OrderedDict from arguments/);
    expect(new PyGlobal("a", "b").qualified).toBe("a.b");
  });
});
