import { PytorchError } from "./pytorch-error.ts";
import { PyDict, PyGlobal, PyList, PyOpaque, PyStorage, PyTensor, PyTuple, type PyValue } from "./pickle-values.ts";
import { torchStorageDtype } from "./torch-storage-dtype.ts";

const MAX_STACK = 1 << 20;
const MAX_MARKS = 1 << 16;
const MAX_MEMO = 1 << 20;
/** items held in all lists, tuples and dicts together */
const MAX_ITEMS = 1 << 22;
const MAX_GLOBAL_LINE = 256;

/** The callables a state dict's pickle uses; everything else is refused by name. */
const CALLABLES = new Set([
  "collections.OrderedDict",
  "torch._utils._rebuild_tensor_v2",
  "torch._utils._rebuild_parameter",
  "torch._utils._rebuild_parameter_with_state",
  "torch.serialization._get_layout",
]);

const OPCODE_NAMES: Record<number, string> = {
  0x28: "MARK", 0x2e: "STOP", 0x30: "POP", 0x31: "POP_MARK", 0x32: "DUP", 0x46: "FLOAT", 0x49: "INT", 0x4a: "BININT",
  0x4b: "BININT1", 0x4c: "LONG", 0x4d: "BININT2", 0x4e: "NONE", 0x50: "PERSID", 0x51: "BINPERSID", 0x52: "REDUCE",
  0x53: "STRING", 0x54: "BINSTRING", 0x55: "SHORT_BINSTRING", 0x56: "UNICODE", 0x58: "BINUNICODE", 0x61: "APPEND",
  0x62: "BUILD", 0x63: "GLOBAL", 0x64: "DICT", 0x7d: "EMPTY_DICT", 0x65: "APPENDS", 0x67: "GET", 0x68: "BINGET",
  0x69: "INST", 0x6a: "LONG_BINGET", 0x6c: "LIST", 0x5d: "EMPTY_LIST", 0x6f: "OBJ", 0x70: "PUT", 0x71: "BINPUT",
  0x72: "LONG_BINPUT", 0x73: "SETITEM", 0x74: "TUPLE", 0x29: "EMPTY_TUPLE", 0x75: "SETITEMS", 0x47: "BINFLOAT",
  0x80: "PROTO", 0x81: "NEWOBJ", 0x82: "EXT1", 0x83: "EXT2", 0x84: "EXT4", 0x85: "TUPLE1", 0x86: "TUPLE2", 0x87: "TUPLE3",
  0x88: "NEWTRUE", 0x89: "NEWFALSE", 0x8a: "LONG1", 0x8b: "LONG4", 0x42: "BINBYTES", 0x43: "SHORT_BINBYTES",
  0x8c: "SHORT_BINUNICODE", 0x8d: "BINUNICODE8", 0x8e: "BINBYTES8", 0x8f: "EMPTY_SET", 0x90: "ADDITEMS", 0x91: "FROZENSET",
  0x92: "NEWOBJ_EX", 0x93: "STACK_GLOBAL", 0x94: "MEMOIZE", 0x95: "FRAME", 0x96: "BYTEARRAY8", 0x97: "NEXT_BUFFER", 0x98: "READONLY_BUFFER",
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A restricted unpickler for the `data.pkl` of a torch checkpoint: it understands only the opcodes
 * a state dict's pickle uses (protocols 2–4: PROTO, FRAME, MARK, the dict/list/tuple builders,
 * BIN*INT, LONG1, BINFLOAT, BINUNICODE*, NONE, NEWTRUE/NEWFALSE, the memo opcodes, GLOBAL /
 * STACK_GLOBAL, REDUCE, BUILD, BINPERSID, STOP) and only the globals a state dict refers to
 * (collections.OrderedDict, torch._utils' tensor and parameter rebuilders, the torch.*Storage
 * types, torch.serialization._get_layout). It builds plain values and never calls or imports
 * anything; any other opcode or global is refused, naming it. Stack, memo and container sizes are
 * bounded, so a hostile pickle cannot exhaust memory.
 */
export function unpickle(bytes: Uint8Array, file: string): PyValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stack: PyValue[] = [];
  const marks: number[] = [];
  const memo = new Map<number, PyValue>();
  const storages = new Map<string, PyStorage>();
  let items = 0;
  let at = 0;

  const fail = (code: "invalid_pickle" | "opcode_not_allowed" | "global_not_allowed", detail: string): never => {
    throw new PytorchError(code, file, `data.pkl: ${detail}`);
  };
  const need = (n: number, what: string) => {
    if (n > bytes.byteLength - at) fail("invalid_pickle", `${what} at byte ${at} needs ${n} bytes, but the pickle ends ${bytes.byteLength - at} bytes later`);
  };
  const push = (value: PyValue) => {
    if (stack.length >= MAX_STACK) fail("invalid_pickle", `the stack grows beyond ${MAX_STACK} values`);
    stack.push(value);
  };
  const pop = (): PyValue => {
    if (stack.length === 0 || (marks.length > 0 && stack.length <= marks[marks.length - 1])) fail("invalid_pickle", `pops an empty stack at byte ${at}`);
    return stack.pop()!;
  };
  const top = (): PyValue => {
    if (stack.length === 0) fail("invalid_pickle", `reads an empty stack at byte ${at}`);
    return stack[stack.length - 1];
  };
  const popMark = (): PyValue[] => {
    const mark = marks.pop();
    if (mark === undefined) fail("invalid_pickle", `has no MARK for the opcode at byte ${at - 1}`);
    return stack.splice(mark!);
  };
  const count = (n: number) => {
    items += n;
    if (items > MAX_ITEMS) fail("invalid_pickle", `builds more than ${MAX_ITEMS} items`);
  };
  const text = (n: number, what: string): string => {
    need(n, what);
    try {
      return utf8.decode(bytes.subarray(at, (at += n)));
    } catch {
      return fail("invalid_pickle", `${what} is not valid UTF-8`);
    }
  };
  const line = (what: string): string => {
    const end = bytes.indexOf(0x0a, at);
    if (end < 0 || end - at > MAX_GLOBAL_LINE) fail("invalid_pickle", `${what} at byte ${at} is not a line of at most ${MAX_GLOBAL_LINE} bytes`);
    const value = text(end - at, what);
    at++;
    return value;
  };
  const resolve = (module: string, name: string): PyGlobal => {
    const qualified = `${module}.${name}`;
    if (!CALLABLES.has(qualified) && torchStorageDtype(module, name) === undefined) {
      fail("global_not_allowed", `refers to ${JSON.stringify(qualified.slice(0, 200))}, which a state dict does not use (only tensors, storages and OrderedDicts are read; nothing is executed)`);
    }
    return new PyGlobal(module, name);
  };
  const key = (value: PyValue): string | number | null => {
    if (typeof value === "string" || typeof value === "number" || value === null) return value;
    return fail("invalid_pickle", `has a dict key that is not a string, an integer or None`);
  };
  const setItems = (dict: PyValue, values: PyValue[]) => {
    if (!(dict instanceof PyDict)) fail("invalid_pickle", `sets items on something that is not a dict`);
    if (values.length % 2 !== 0) fail("invalid_pickle", `SETITEMS with an odd number of values`);
    count(values.length / 2);
    for (let i = 0; i < values.length; i += 2) (dict as PyDict).entries.set(key(values[i]), values[i + 1]);
  };
  const tuple = (values: PyValue[]) => {
    count(values.length);
    return new PyTuple(values);
  };
  const int = (value: PyValue, what: string): number => {
    if (typeof value !== "number" || !Number.isSafeInteger(value)) fail("invalid_pickle", `${what} is not an integer`);
    return value as number;
  };
  const ints = (value: PyValue, what: string): number[] => {
    if (!(value instanceof PyTuple)) return fail("invalid_pickle", `${what} is not a tuple`);
    return value.items.map((v) => int(v, what));
  };
  const persistent = (pid: PyValue): PyStorage => {
    if (!(pid instanceof PyTuple) || pid.items.length !== 5 || pid.items[0] !== "storage") {
      return fail("invalid_pickle", `has a persistent id that is not ('storage', type, key, location, numel)`);
    }
    const [, type, storageKey, location, numel] = pid.items;
    if (!(type instanceof PyGlobal)) return fail("invalid_pickle", "has a storage whose type is not a global");
    const dtype = torchStorageDtype(type.module, type.name);
    if (dtype === undefined) return fail("global_not_allowed", `uses ${type.qualified} as a storage type`);
    if (typeof storageKey !== "string" || !/^[A-Za-z0-9_.-]{1,64}$/.test(storageKey)) return fail("invalid_pickle", "has a storage key that is not a short plain name");
    if (typeof location !== "string") return fail("invalid_pickle", `storage ${storageKey} has no location string`);
    const elements = int(numel, `the size of storage ${storageKey}`);
    if (elements < 0) return fail("invalid_pickle", `storage ${storageKey} has a negative size`);
    const known = storages.get(storageKey);
    if (known) {
      if (known.dtype !== dtype || known.numel !== elements) fail("invalid_pickle", `storage ${storageKey} is described twice, differently`);
      return known;
    }
    const storage = new PyStorage(storageKey, type.name, dtype, location, elements);
    storages.set(storageKey, storage);
    return storage;
  };
  const call = (callable: PyValue, args: PyValue): PyValue => {
    if (!(callable instanceof PyGlobal) || !CALLABLES.has(callable.qualified)) {
      return fail("global_not_allowed", `calls ${callable instanceof PyGlobal ? callable.qualified : "something that is not an allowed global"}`);
    }
    if (!(args instanceof PyTuple)) return fail("invalid_pickle", `calls ${callable.qualified} with arguments that are not a tuple`);
    const a = args.items;
    switch (callable.qualified) {
      case "collections.OrderedDict":
        if (a.length !== 0) fail("invalid_pickle", "builds an OrderedDict from arguments (a state dict's comes empty, then SETITEMS)");
        return new PyDict();
      case "torch._utils._rebuild_tensor_v2": {
        if (a.length < 6 || a.length > 7) return fail("invalid_pickle", `calls _rebuild_tensor_v2 with ${a.length} arguments`);
        const [storage, offset, size, stride] = a;
        if (!(storage instanceof PyStorage)) return fail("invalid_pickle", "rebuilds a tensor from something that is not a storage");
        const dims = ints(size, "a tensor's size");
        const strides = ints(stride, "a tensor's stride");
        if (dims.length !== strides.length) fail("invalid_pickle", "has a tensor whose size and stride differ in length");
        return new PyTensor(storage, int(offset, "a tensor's storage offset"), dims, strides);
      }
      case "torch._utils._rebuild_parameter":
      case "torch._utils._rebuild_parameter_with_state":
        if (!(a[0] instanceof PyTensor)) return fail("invalid_pickle", `calls ${callable.name} on something that is not a tensor`);
        return a[0];
      default:
        return new PyOpaque(callable.qualified);
    }
  };

  for (;;) {
    need(1, "an opcode");
    const op = bytes[at++];
    switch (op) {
      case 0x80: // PROTO
        need(1, "PROTO");
        if (bytes[at] < 2 || bytes[at] > 5) fail("invalid_pickle", `declares protocol ${bytes[at]} (2 to 5 are read)`);
        at++;
        break;
      case 0x95: // FRAME: a length prefix only
        need(8, "FRAME");
        at += 8;
        break;
      case 0x28: // MARK
        if (marks.length >= MAX_MARKS) fail("invalid_pickle", `nests more than ${MAX_MARKS} MARKs`);
        marks.push(stack.length);
        break;
      case 0x7d: // EMPTY_DICT
        push(new PyDict());
        break;
      case 0x5d: // EMPTY_LIST
        push(new PyList());
        break;
      case 0x29: // EMPTY_TUPLE
        push(new PyTuple([]));
        break;
      case 0x4e: // NONE
        push(null);
        break;
      case 0x88: // NEWTRUE
        push(true);
        break;
      case 0x89: // NEWFALSE
        push(false);
        break;
      case 0x4a: // BININT
        need(4, "BININT");
        push(view.getInt32(at, true));
        at += 4;
        break;
      case 0x4b: // BININT1
        need(1, "BININT1");
        push(bytes[at++]);
        break;
      case 0x4d: // BININT2
        need(2, "BININT2");
        push(view.getUint16(at, true));
        at += 2;
        break;
      case 0x8a: {
        // LONG1: n bytes of two's complement, little-endian
        need(1, "LONG1");
        const n = bytes[at++];
        if (n > 8) fail("invalid_pickle", `has a ${n}-byte integer, beyond any size or offset`);
        need(n, "LONG1");
        let value = 0n;
        for (let i = n - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[at + i]);
        if (n > 0 && bytes[at + n - 1] & 0x80) value -= 1n << BigInt(8 * n);
        at += n;
        push(value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value);
        break;
      }
      case 0x47: // BINFLOAT (big-endian)
        need(8, "BINFLOAT");
        push(view.getFloat64(at, false));
        at += 8;
        break;
      case 0x58: {
        // BINUNICODE
        need(4, "BINUNICODE");
        const n = view.getUint32(at, true);
        at += 4;
        push(text(n, "a string"));
        break;
      }
      case 0x8c: {
        // SHORT_BINUNICODE
        need(1, "SHORT_BINUNICODE");
        const n = bytes[at++];
        push(text(n, "a string"));
        break;
      }
      case 0x8d: {
        // BINUNICODE8
        need(8, "BINUNICODE8");
        const n = view.getBigUint64(at, true);
        at += 8;
        if (n > BigInt(bytes.byteLength - at)) fail("invalid_pickle", `a string claims ${n} bytes, more than the pickle holds`);
        push(text(Number(n), "a string"));
        break;
      }
      case 0x74: // TUPLE
        push(tuple(popMark()));
        break;
      case 0x85: // TUPLE1
        push(tuple([pop()]));
        break;
      case 0x86: {
        // TUPLE2
        const b = pop();
        push(tuple([pop(), b]));
        break;
      }
      case 0x87: {
        // TUPLE3
        const c = pop();
        const b = pop();
        push(tuple([pop(), b, c]));
        break;
      }
      case 0x61: {
        // APPEND
        const value = pop();
        const list = top();
        if (!(list instanceof PyList)) fail("invalid_pickle", "appends to something that is not a list");
        count(1);
        (list as PyList).items.push(value);
        break;
      }
      case 0x65: {
        // APPENDS
        const values = popMark();
        const list = top();
        if (!(list instanceof PyList)) fail("invalid_pickle", "appends to something that is not a list");
        count(values.length);
        for (const v of values) (list as PyList).items.push(v);
        break;
      }
      case 0x73: {
        // SETITEM
        const value = pop();
        const k = pop();
        setItems(top(), [k, value]);
        break;
      }
      case 0x75: {
        // SETITEMS
        const values = popMark();
        setItems(top(), values);
        break;
      }
      case 0x71: // BINPUT
      case 0x72: {
        // LONG_BINPUT
        const wide = op === 0x72;
        need(wide ? 4 : 1, "a memo index");
        const index = wide ? view.getUint32(at, true) : bytes[at];
        at += wide ? 4 : 1;
        if (!memo.has(index) && memo.size >= MAX_MEMO) fail("invalid_pickle", `memoizes more than ${MAX_MEMO} values`);
        memo.set(index, top());
        break;
      }
      case 0x94: // MEMOIZE
        if (memo.size >= MAX_MEMO) fail("invalid_pickle", `memoizes more than ${MAX_MEMO} values`);
        memo.set(memo.size, top());
        break;
      case 0x68: // BINGET
      case 0x6a: {
        // LONG_BINGET
        const wide = op === 0x6a;
        need(wide ? 4 : 1, "a memo index");
        const index = wide ? view.getUint32(at, true) : bytes[at];
        at += wide ? 4 : 1;
        if (!memo.has(index)) fail("invalid_pickle", `reads memo entry ${index}, which was never stored`);
        push(memo.get(index)!);
        break;
      }
      case 0x63: {
        // GLOBAL
        const module = line("a GLOBAL module");
        push(resolve(module, line("a GLOBAL name")));
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== "string" || typeof name !== "string") fail("invalid_pickle", "STACK_GLOBAL without two strings");
        push(resolve(module as string, name as string));
        break;
      }
      case 0x52: {
        // REDUCE
        const args = pop();
        push(call(pop(), args));
        break;
      }
      case 0x51: // BINPERSID
        push(persistent(pop()));
        break;
      case 0x62: {
        // BUILD: a state dict's OrderedDict gets its `_metadata` attribute; nothing to keep
        const state = pop();
        const target = top();
        if (!(target instanceof PyDict || target instanceof PyTensor) || !(state === null || state instanceof PyDict || state instanceof PyTuple)) {
          fail("invalid_pickle", "BUILD on something other than a dict or tensor");
        }
        break;
      }
      case 0x2e: {
        // STOP
        const result = pop();
        if (stack.length !== 0 || marks.length !== 0) fail("invalid_pickle", "stops with values left on the stack");
        return result;
      }
      default:
        return fail(
          "opcode_not_allowed",
          `opcode 0x${op.toString(16).padStart(2, "0")}${OPCODE_NAMES[op] ? ` (${OPCODE_NAMES[op]})` : ""} at byte ${at - 1} is not one a state dict uses`,
        );
    }
  }
}
