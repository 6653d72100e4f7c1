/**
 * Builds PyTorch ≥ 1.6 checkpoints (`pytorch_model.bin`) in memory for tests, byte by byte from the
 * ZIP specification (APPNOTE: local headers, stored entries, central directory, ZIP64 records) and
 * pickle protocol 2 as CPython's pickler writes a state dict with torch's persistent ids — the
 * layout torch.save produces: `archive/data.pkl`, `archive/byteorder`, `archive/data/<key>` (64-byte
 * aligned through an "FB" padding field in the local header only), `archive/version`.
 */
import { type Dtype, dtypeByteSize } from "#shared/safetensors";
import { floatToBfloat16Bits, floatToHalfBits } from "./write-safetensors.ts";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

class Bytes {
  chunks: number[] = [];
  u8(v: number) {
    this.chunks.push(v & 255);
    return this;
  }
  u16(v: number) {
    return this.u8(v).u8(v >>> 8);
  }
  u32(v: number) {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }
  u64(v: number) {
    return this.u32(v % 2 ** 32).u32(Math.floor(v / 2 ** 32));
  }
  raw(bytes: Uint8Array | number[]) {
    for (const b of bytes) this.chunks.push(b);
    return this;
  }
  get length() {
    return this.chunks.length;
  }
  bytes() {
    return Uint8Array.from(this.chunks);
  }
}

export interface ZipFileSpec {
  name: string;
  data: Uint8Array;
  /** align the data to this many bytes with an "FB" extra field in the local header, as torch does (default 64) */
  align?: number;
}

/** A ZIP archive of stored entries; `zip64` writes ZIP64 records and 0xFFFFFFFF placeholders as large archives have. */
export function encodeZip(files: ZipFileSpec[], options: { zip64?: boolean; comment?: string } = {}): Uint8Array {
  const out = new Bytes();
  const central = new Bytes();
  const zip64 = options.zip64 ?? false;
  for (const f of files) {
    const name = new TextEncoder().encode(f.name);
    const offset = out.length;
    const align = f.align ?? 64;
    const zip64Local = zip64 ? [0x01, 0x00, 16, 0, ...new Bytes().u64(f.data.byteLength).u64(f.data.byteLength).chunks] : [];
    const pad = (align - ((offset + 30 + name.byteLength + zip64Local.length + 4) % align)) % align;
    const extra = [...zip64Local, 0x46, 0x42, pad & 255, pad >> 8, ...new Array(pad).fill(0x5a)];
    const crc = crc32(f.data);
    out.u32(0x04034b50).u16(zip64 ? 45 : 20).u16(0x0800).u16(0).u16(0).u16(0x21).u32(crc);
    out.u32(zip64 ? 0xffffffff : f.data.byteLength).u32(zip64 ? 0xffffffff : f.data.byteLength).u16(name.byteLength).u16(extra.length).raw(name).raw(extra).raw(f.data);
    const centralExtra = zip64 ? [0x01, 0x00, 24, 0, ...new Bytes().u64(f.data.byteLength).u64(f.data.byteLength).u64(offset).chunks] : [];
    central.u32(0x02014b50).u16(zip64 ? 45 : 20).u16(zip64 ? 45 : 20).u16(0x0800).u16(0).u16(0).u16(0x21).u32(crc);
    central.u32(zip64 ? 0xffffffff : f.data.byteLength).u32(zip64 ? 0xffffffff : f.data.byteLength).u16(name.byteLength).u16(centralExtra.length).u16(0);
    central.u16(0).u16(0).u32(0).u32(zip64 ? 0xffffffff : offset).raw(name).raw(centralExtra);
  }
  const cdOffset = out.length;
  out.raw(central.chunks);
  const comment = new TextEncoder().encode(options.comment ?? "");
  if (zip64) {
    const recordOffset = out.length;
    out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(files.length).u64(files.length).u64(central.length).u64(cdOffset);
    out.u32(0x07064b50).u32(0).u64(recordOffset).u32(1);
    out.u32(0x06054b50).u16(0).u16(0).u16(0xffff).u16(0xffff).u32(0xffffffff).u32(0xffffffff).u16(comment.byteLength).raw(comment);
  } else {
    out.u32(0x06054b50).u16(0).u16(0).u16(files.length).u16(files.length).u32(central.length).u32(cdOffset).u16(comment.byteLength).raw(comment);
  }
  return out.bytes();
}

/** A global reference in a pickle. */
export class Global {
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}
}
/** A call: `func(*args)` pickled as func, args tuple, REDUCE; then optional dict items (SETITEMS) and state (BUILD). */
export class Reduce {
  constructor(
    readonly func: Global,
    readonly args: PickleValue[],
    readonly dictItems: [PickleValue, PickleValue][] = [],
    readonly state: PickleValue | undefined = undefined,
  ) {}
}
/** A value pickled through a persistent id (BINPERSID). */
export class Persistent {
  constructor(readonly pid: PickleValue[]) {}
}
/** A Python dict. */
export class Dict {
  constructor(readonly items: [PickleValue, PickleValue][]) {}
}
export type PickleValue = null | boolean | number | string | PickleValue[] | Global | Reduce | Persistent | Dict;

/** Pickle protocol 2 as CPython writes it: every string, tuple, dict, global and reduce result memoized with BINPUT, repeated globals read back with BINGET. */
export function encodePickle(value: PickleValue): Uint8Array {
  const out = new Bytes().u8(0x80).u8(2);
  let next = 0;
  const globals = new Map<string, number>();
  const put = () => {
    const index = next++;
    if (index < 256) out.u8(0x71).u8(index);
    else out.u8(0x72).u32(index);
  };
  const save = (v: PickleValue): void => {
    if (v === null) out.u8(0x4e);
    else if (v === true) out.u8(0x88);
    else if (v === false) out.u8(0x89);
    else if (typeof v === "number") {
      if (!Number.isInteger(v)) throw new Error("only integers");
      if (v >= 0 && v < 256) out.u8(0x4b).u8(v);
      else if (v >= 0 && v < 65536) out.u8(0x4d).u16(v);
      else if (v >= -(2 ** 31) && v < 2 ** 31) out.u8(0x4a).u32(v >>> 0);
      else {
        let n = BigInt(v);
        const bytes: number[] = [];
        while (n !== 0n && n !== -1n) {
          bytes.push(Number(n & 255n));
          n >>= 8n;
        }
        if (v >= 0 && (bytes[bytes.length - 1] & 0x80) !== 0) bytes.push(0);
        if (v < 0 && (bytes[bytes.length - 1] & 0x80) === 0) bytes.push(255);
        out.u8(0x8a).u8(bytes.length).raw(bytes);
      }
    } else if (typeof v === "string") {
      const bytes = new TextEncoder().encode(v);
      out.u8(0x58).u32(bytes.byteLength).raw(bytes);
      put();
    } else if (Array.isArray(v)) {
      if (v.length === 0) return void out.u8(0x29);
      if (v.length <= 3) {
        v.forEach(save);
        out.u8([0x85, 0x86, 0x87][v.length - 1]);
      } else {
        out.u8(0x28);
        v.forEach(save);
        out.u8(0x74);
      }
      put();
    } else if (v instanceof Global) {
      const key = `${v.module}\n${v.name}`;
      const memo = globals.get(key);
      if (memo !== undefined) return void (memo < 256 ? out.u8(0x68).u8(memo) : out.u8(0x6a).u32(memo));
      out.u8(0x63).raw(new TextEncoder().encode(`${v.module}\n${v.name}\n`));
      globals.set(key, next);
      put();
    } else if (v instanceof Reduce) {
      save(v.func);
      save(v.args);
      out.u8(0x52);
      put();
      setItems(v.dictItems);
      if (v.state !== undefined) {
        save(v.state);
        out.u8(0x62);
      }
    } else if (v instanceof Persistent) {
      save(v.pid);
      out.u8(0x51);
    } else {
      out.u8(0x7d);
      put();
      setItems(v.items);
    }
  };
  const setItems = (items: [PickleValue, PickleValue][]) => {
    for (let i = 0; i < items.length; i += 1000) {
      const batch = items.slice(i, i + 1000);
      if (batch.length === 1) {
        save(batch[0][0]);
        save(batch[0][1]);
        out.u8(0x73);
      } else {
        out.u8(0x28);
        for (const [k, val] of batch) {
          save(k);
          save(val);
        }
        out.u8(0x75);
      }
    }
  };
  save(value);
  out.u8(0x2e);
  return out.bytes();
}

const STORAGE_TYPES: Partial<Record<Dtype, string>> = {
  F32: "FloatStorage", F64: "DoubleStorage", F16: "HalfStorage", BF16: "BFloat16Storage", I64: "LongStorage", I32: "IntStorage",
  I16: "ShortStorage", I8: "CharStorage", U8: "ByteStorage", BOOL: "BoolStorage", F8_E4M3: "Float8_e4m3fnStorage", F8_E5M2: "Float8_e5m2Storage",
};

export interface TorchTensorSpec {
  name: string;
  dtype: Dtype;
  shape: number[];
  /** the storage's values (F32/F16/BF16) or raw bytes; the tensor views it from `offset` with `stride` */
  data: Uint8Array | Float32Array;
  /** storage key (default: the tensor's index); tensors with the same key share one storage, written once */
  storage?: string;
  offset?: number;
  /** default: row-major */
  stride?: number[];
  /** pickle the tensor as an nn.Parameter (torch._utils._rebuild_parameter) */
  parameter?: boolean;
}

export interface TorchCheckpointOptions {
  /** the archive's folder name: "archive" (saved to a buffer) or the file's stem */
  prefix?: string;
  byteorder?: "little" | "big" | null;
  zip64?: boolean;
  /** wrap the state dict as {"state_dict": …} like a training checkpoint */
  wrap?: string;
}

function storageBytes(spec: TorchTensorSpec): Uint8Array {
  if (spec.data instanceof Uint8Array) return spec.data;
  const values = spec.data;
  const bytes = new Uint8Array(values.length * dtypeByteSize(spec.dtype));
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => {
    if (spec.dtype === "F32") view.setFloat32(4 * i, v, true);
    else if (spec.dtype === "F16") view.setUint16(2 * i, floatToHalfBits(v), true);
    else if (spec.dtype === "BF16") view.setUint16(2 * i, floatToBfloat16Bits(v), true);
    else throw new Error(`${spec.name}: give ${spec.dtype} data as raw bytes`);
  });
  return bytes;
}

/** The state dict's pickle: an OrderedDict of `_rebuild_tensor_v2` calls with `_metadata` set through BUILD, as `model.state_dict()` pickles. */
export function stateDictPickle(tensors: TorchTensorSpec[], options: { wrap?: string } = {}): Uint8Array {
  const ordered = new Global("collections", "OrderedDict");
  const rebuild = new Global("torch._utils", "_rebuild_tensor_v2");
  const items = tensors.map((t, i): [PickleValue, PickleValue] => {
    const key = t.storage ?? String(i);
    const numel = storageBytes(t).byteLength / dtypeByteSize(t.dtype);
    const pid = new Persistent(["storage", new Global("torch", STORAGE_TYPES[t.dtype]!), key, "cpu", numel]);
    const stride = t.stride ?? t.shape.map((_, d) => t.shape.slice(d + 1).reduce((p, x) => p * x, 1));
    let tensor: PickleValue = new Reduce(rebuild, [pid, t.offset ?? 0, t.shape, stride, false, new Reduce(ordered, [])]);
    if (t.parameter) tensor = new Reduce(new Global("torch._utils", "_rebuild_parameter"), [tensor, true, new Reduce(ordered, [])]);
    return [t.name, tensor];
  });
  const metadata = new Reduce(ordered, [], [["", new Dict([["version", 1]])]]);
  const stateDict = new Reduce(ordered, [], items, new Dict([["_metadata", metadata]]));
  return encodePickle(options.wrap ? new Dict([[options.wrap, stateDict], ["epoch", 3]]) : stateDict);
}

/** A `pytorch_model.bin` as torch.save writes it (storages written once per key, in order of first use). */
export function encodeTorchCheckpoint(tensors: TorchTensorSpec[], options: TorchCheckpointOptions = {}): Uint8Array {
  const prefix = options.prefix ?? "archive";
  const files: ZipFileSpec[] = [{ name: `${prefix}/data.pkl`, data: stateDictPickle(tensors, options) }];
  const byteorder = options.byteorder === undefined ? "little" : options.byteorder;
  if (byteorder !== null) files.push({ name: `${prefix}/byteorder`, data: new TextEncoder().encode(byteorder) });
  const written = new Set<string>();
  tensors.forEach((t, i) => {
    const key = t.storage ?? String(i);
    if (written.has(key)) return;
    written.add(key);
    files.push({ name: `${prefix}/data/${key}`, data: storageBytes(t) });
  });
  files.push({ name: `${prefix}/version`, data: new TextEncoder().encode("3\n") });
  files.push({ name: `${prefix}/.data/serialization_id`, data: new TextEncoder().encode("1234567890") });
  return encodeZip(files, { zip64: options.zip64 });
}
