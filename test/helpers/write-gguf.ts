/**
 * Builds GGUF files (version 2 or 3, little-endian) in memory for tests, byte by byte from the
 * format's specification (ggml/docs/gguf.md): a valid file from metadata and tensors with
 * `encodeGguf`, or anything at all — including deliberately broken headers — with `GgufWriter`.
 */
import { floatToBfloat16Bits, floatToHalfBits } from "./write-safetensors.ts";
import { GGML_TYPES } from "#shared/gguf";

export type GgufWriterValueType = "uint8" | "int8" | "uint16" | "int16" | "uint32" | "int32" | "float32" | "bool" | "string" | "uint64" | "int64" | "float64";
const TYPE_IDS: Record<GgufWriterValueType | "array", number> = {
  uint8: 0, int8: 1, uint16: 2, int16: 3, uint32: 4, int32: 5, float32: 6, bool: 7, string: 8, array: 9, uint64: 10, int64: 11, float64: 12,
};

/** A typed metadata value; arrays give their item type and items (nested arrays as `{ array: … }`). */
export type GgufMeta =
  | { type: GgufWriterValueType; value: number | bigint | boolean | string }
  | { type: "array"; itemType: GgufWriterValueType | "array"; items: GgufMeta[] };

/** Appends little-endian fields; `bytes()` gives the file so far. */
export class GgufWriter {
  private chunks: Uint8Array[] = [];
  length = 0;

  raw(bytes: Uint8Array): this {
    this.chunks.push(bytes);
    this.length += bytes.byteLength;
    return this;
  }
  private number(size: number, set: (view: DataView) => void): this {
    const bytes = new Uint8Array(size);
    set(new DataView(bytes.buffer));
    return this.raw(bytes);
  }
  u8(v: number) { return this.number(1, (d) => d.setUint8(0, v)); }
  i8(v: number) { return this.number(1, (d) => d.setInt8(0, v)); }
  u16(v: number) { return this.number(2, (d) => d.setUint16(0, v, true)); }
  i16(v: number) { return this.number(2, (d) => d.setInt16(0, v, true)); }
  u32(v: number) { return this.number(4, (d) => d.setUint32(0, v, true)); }
  i32(v: number) { return this.number(4, (d) => d.setInt32(0, v, true)); }
  f32(v: number) { return this.number(4, (d) => d.setFloat32(0, v, true)); }
  f64(v: number) { return this.number(8, (d) => d.setFloat64(0, v, true)); }
  u64(v: number | bigint) { return this.number(8, (d) => d.setBigUint64(0, BigInt(v), true)); }
  i64(v: number | bigint) { return this.number(8, (d) => d.setBigInt64(0, BigInt(v), true)); }
  /** a GGUF string: u64 byte length (or `claimedLength`), then the UTF-8 bytes */
  string(text: string | Uint8Array, claimedLength?: number | bigint) {
    const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
    return this.u64(claimedLength ?? bytes.byteLength).raw(bytes);
  }
  /** a value without its type id */
  value(meta: GgufMeta): this {
    if (meta.type === "array") {
      this.u32(TYPE_IDS[meta.itemType]).u64(meta.items.length);
      for (const item of meta.items) this.value(item);
      return this;
    }
    const v = meta.value;
    switch (meta.type) {
      case "uint8": return this.u8(Number(v));
      case "int8": return this.i8(Number(v));
      case "uint16": return this.u16(Number(v));
      case "int16": return this.i16(Number(v));
      case "uint32": return this.u32(Number(v));
      case "int32": return this.i32(Number(v));
      case "float32": return this.f32(Number(v));
      case "float64": return this.f64(Number(v));
      case "bool": return this.u8(v ? 1 : 0);
      case "string": return this.string(String(v));
      case "uint64": return this.u64(v as number | bigint);
      case "int64": return this.i64(v as number | bigint);
    }
  }
  /** a key-value pair: key string, value type id, value */
  kv(key: string, meta: GgufMeta) {
    return this.string(key).u32(TYPE_IDS[meta.type]).value(meta);
  }
  /** zero bytes up to the next multiple of `alignment` */
  pad(alignment: number) {
    return this.raw(new Uint8Array((alignment - (this.length % alignment)) % alignment));
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  }
}

export interface GgufTensorSpec {
  name: string;
  /** a ggml type name (F32, Q4_K, IQ2_XS …) */
  type: string;
  /** dimensions fastest-varying first: a rows × cols matrix is ne = [cols, rows] */
  ne: number[];
  /** raw bytes, or values for F32, F16 and BF16 */
  data: Uint8Array | Float32Array;
}

export interface GgufSpec {
  version?: 2 | 3;
  /** metadata in order; `general.alignment` among them sets the alignment */
  metadata?: [string, GgufMeta][];
  tensors: GgufTensorSpec[];
}

const TYPE_BY_NAME = new Map(GGML_TYPES.map((t) => [t.dtype as string, t]));

function tensorBytes(spec: GgufTensorSpec): Uint8Array {
  const type = TYPE_BY_NAME.get(spec.type);
  if (!type) throw new Error(`${spec.name}: unknown ggml type ${spec.type}`);
  if (spec.data instanceof Uint8Array) return spec.data;
  const values = spec.data;
  const bytes = new Uint8Array(values.length * type.bytesPerBlock);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => {
    if (spec.type === "F32") view.setFloat32(4 * i, v, true);
    else if (spec.type === "F16") view.setUint16(2 * i, floatToHalfBits(v), true);
    else if (spec.type === "BF16") view.setUint16(2 * i, floatToBfloat16Bits(v), true);
    else throw new Error(`${spec.name}: give ${spec.type} data as raw bytes`);
  });
  return bytes;
}

/** A valid GGUF file: header, metadata, tensor infos, padding, then each tensor's data padded to the alignment. */
export function encodeGguf(spec: GgufSpec): Uint8Array {
  const metadata = spec.metadata ?? [];
  const declared = metadata.find(([key]) => key === "general.alignment");
  const alignment = declared ? Number((declared[1] as { value: number }).value) : 32;
  const datas = spec.tensors.map(tensorBytes);
  const w = new GgufWriter().raw(new TextEncoder().encode("GGUF")).u32(spec.version ?? 3).u64(spec.tensors.length).u64(metadata.length);
  for (const [key, meta] of metadata) w.kv(key, meta);
  let offset = 0;
  spec.tensors.forEach((t, i) => {
    const type = TYPE_BY_NAME.get(t.type)!;
    w.string(t.name).u32(t.ne.length);
    for (const d of t.ne) w.u64(d);
    w.u32(type.id).u64(offset);
    offset += datas[i].byteLength;
    offset += (alignment - (offset % alignment)) % alignment;
  });
  if (spec.tensors.length > 0) w.pad(alignment);
  for (const data of datas) w.raw(data).pad(alignment);
  return w.bytes();
}

/** Shorthands for metadata values. */
export const meta = {
  string: (value: string): GgufMeta => ({ type: "string", value }),
  u32: (value: number): GgufMeta => ({ type: "uint32", value }),
  u64: (value: number | bigint): GgufMeta => ({ type: "uint64", value }),
  f32: (value: number): GgufMeta => ({ type: "float32", value }),
  bool: (value: boolean): GgufMeta => ({ type: "bool", value }),
  strings: (items: string[]): GgufMeta => ({ type: "array", itemType: "string", items: items.map((value) => ({ type: "string", value })) }),
};
