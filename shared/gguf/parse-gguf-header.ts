import type { ByteSource } from "../safetensors/types.ts";
import { ByteCursor } from "./byte-cursor.ts";
import { GgufError } from "./gguf-error.ts";
import { GGUF_VALUE_TYPES, type GgufEntry } from "./gguf-value.ts";
import { readGgufString } from "./read-gguf-string.ts";
import { readGgufValue } from "./read-gguf-value.ts";

/** One tensor info as the header lists it: ne[0] is the fastest-varying dimension; offset is relative to the data section. */
export interface GgufTensorEntry {
  name: string;
  ne: number[];
  typeId: number;
  offset: number;
}

/** A GGUF file's header, validated (tensor types, sizes and offsets are checked by `ggufTensorInfos`). */
export interface GgufHeader {
  file: string;
  fileSize: number;
  version: 2 | 3;
  /** general.alignment, 32 when absent */
  alignment: number;
  /** metadata in file order, each with the type it was written as */
  metadata: Map<string, GgufEntry>;
  tensors: GgufTensorEntry[];
  /** absolute byte offset of the data section (the end of the tensor infos, padded to the alignment) */
  dataStart: number;
}

export const DEFAULT_ALIGNMENT = 32;
/** Everything before the data section must fit in this many bytes (real headers are a few MB: the vocabulary). */
export const MAX_GGUF_HEADER_BYTES = 256 << 20;
/** ggml's limit on dimensions */
export const MAX_DIMS = 4;
const MAX_KEY_BYTES = 65535;
const MAX_NAME_BYTES = 1024;
const MAX_TENSORS = 1 << 20;
const MAX_KEYS = 1 << 20;
// the fewest bytes one entry can take: a tensor info with no dims and an empty name; a key-value of one byte
const MIN_TENSOR_INFO_BYTES = 8 + 4 + 4 + 8;
const MIN_KV_BYTES = 8 + 1 + 4 + 1;
const MAGIC = [0x47, 0x47, 0x55, 0x46]; // "GGUF"

function count(cursor: ByteCursor, value: bigint, what: string, max: number, minBytes: number): number {
  const fits = Math.floor(cursor.remaining() / minBytes);
  if (value > BigInt(Math.min(max, fits))) {
    throw new GgufError(
      "too_many_entries",
      cursor.file,
      `the header claims ${value} ${what}, more than ${value > BigInt(max) ? `the ${max} allowed` : `the ${cursor.remaining()} bytes left in the file can hold`}`,
    );
  }
  return Number(value);
}

/**
 * Reads and validates a GGUF header (versions 2 and 3, little-endian) through bounded range reads:
 * magic, version, counts, every metadata key-value, every tensor info, and where the data section
 * starts. Reads nothing of the data section.
 */
export async function parseGgufHeader(source: ByteSource, file: string, options: { maxHeaderBytes?: number } = {}): Promise<GgufHeader> {
  const fileSize = await source.size();
  if (fileSize < 24) throw new GgufError("not_gguf", file, `file has ${fileSize} bytes, fewer than a GGUF header's 24`);
  const cursor = new ByteCursor(source, file, fileSize, options.maxHeaderBytes ?? MAX_GGUF_HEADER_BYTES);
  await cursor.fill(24, "the GGUF header");
  const magic = cursor.bytes(4);
  if (!MAGIC.every((b, i) => magic[i] === b)) {
    throw new GgufError("not_gguf", file, `starts with bytes ${Array.from(magic, (b) => b.toString(16).padStart(2, "0")).join(" ")}, not the GGUF magic 47 47 55 46`);
  }
  const version = cursor.u32();
  if (version !== 0 && (version & 0xffff) === 0) throw new GgufError("big_endian", file, `version field reads ${version}: a big-endian GGUF file, which heavytail does not read`);
  if (version === 1) throw new GgufError("unsupported_version", file, "GGUF version 1 (2023) is not supported: convert the model again with a current llama.cpp");
  if (version !== 2 && version !== 3) throw new GgufError("unsupported_version", file, `GGUF version ${version} is not one heavytail reads (2 and 3)`);
  const tensorCount = count(cursor, cursor.u64(), "tensors", MAX_TENSORS, MIN_TENSOR_INFO_BYTES);
  const kvCount = count(cursor, cursor.u64(), "metadata keys", MAX_KEYS, MIN_KV_BYTES);

  const metadata = new Map<string, GgufEntry>();
  for (let i = 0; i < kvCount; i++) {
    const key = await readGgufString(cursor, MAX_KEY_BYTES, `metadata key ${i}`, true);
    if (key.length === 0) throw new GgufError("invalid_value_type", file, `metadata key ${i} is empty`);
    if (metadata.has(key)) throw new GgufError("duplicate_key", file, `metadata key ${JSON.stringify(key.slice(0, 120))} appears twice`);
    if (!cursor.has(4)) await cursor.fill(4, `the value type of ${key}`);
    const type = cursor.u32();
    const value = await readGgufValue(cursor, type, `metadata ${JSON.stringify(key.slice(0, 120))}`);
    metadata.set(key, { type: GGUF_VALUE_TYPES[type], value });
  }

  let alignment = DEFAULT_ALIGNMENT;
  const declared = metadata.get("general.alignment");
  if (declared !== undefined) {
    const value = declared.value;
    if (declared.type !== "uint32" || typeof value !== "number" || value < 1 || value > 1 << 30 || (value & (value - 1)) !== 0) {
      throw new GgufError("invalid_alignment", file, `general.alignment must be a uint32 power of two, not ${declared.type} ${String(value)}`);
    }
    alignment = value;
  }

  const tensors: GgufTensorEntry[] = [];
  const names = new Set<string>();
  for (let i = 0; i < tensorCount; i++) {
    const name = await readGgufString(cursor, MAX_NAME_BYTES, `the name of tensor ${i}`, true);
    if (names.has(name)) throw new GgufError("duplicate_tensor", file, "appears twice in the tensor infos", name);
    names.add(name);
    if (!cursor.has(4)) await cursor.fill(4, "a tensor's dimension count");
    const dims = cursor.u32();
    if (dims > MAX_DIMS) throw new GgufError("invalid_dimensions", file, `has ${dims} dimensions, more than ggml's ${MAX_DIMS}`, name);
    await cursor.fill(8 * dims + 12, "a tensor's dimensions, type and offset");
    const ne: number[] = [];
    for (let d = 0; d < dims; d++) {
      const size = cursor.u64();
      if (size > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufError("invalid_dimensions", file, `dimension ${d} is ${size}, beyond any real tensor`, name);
      ne.push(Number(size));
    }
    const typeId = cursor.u32();
    const offset = cursor.u64();
    if (offset > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufError("data_past_end", file, `data offset ${offset} lies beyond any file`, name);
    tensors.push({ name, ne, typeId, offset: Number(offset) });
  }

  const end = cursor.position;
  const dataStart = tensorCount === 0 ? end : Math.ceil(end / alignment) * alignment;
  if (dataStart > fileSize) throw new GgufError("truncated", file, `the data section would start at byte ${dataStart}, past the end of the ${fileSize}-byte file`);
  return { file, fileSize, version, alignment, metadata, tensors, dataStart };
}
