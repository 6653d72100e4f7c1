import type { ByteSource } from "../safetensors/types.ts";
import type { ZipDirectory } from "./find-zip-directory.ts";
import { PytorchError } from "./pytorch-error.ts";

/** One file of a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 = stored (not compressed) */
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** byte offset of the entry's local header */
  localOffset: number;
}

const CENTRAL = 0x02014b50;
const CENTRAL_BYTES = 46;
/** A torch checkpoint's directory lists a few entries per tensor; this is far beyond any. */
export const MAX_DIRECTORY_BYTES = 64 << 20;
const names = new TextDecoder("utf-8", { fatal: true });

/** Values the ZIP64 extra field (id 1) replaces, in its order: size, compressed size, local header offset. */
function zip64(extra: DataView, file: string, name: string, fields: { size: boolean; compressed: boolean; offset: boolean }) {
  for (let at = 0; at + 4 <= extra.byteLength; ) {
    const id = extra.getUint16(at, true);
    const length = extra.getUint16(at + 2, true);
    if (at + 4 + length > extra.byteLength) break;
    if (id === 1) {
      let p = at + 4;
      const next = () => {
        if (p + 8 > at + 4 + length) throw new PytorchError("invalid_zip", file, `entry ${JSON.stringify(name.slice(0, 200))} has a short ZIP64 extra field`);
        const value = extra.getBigUint64(p, true);
        p += 8;
        if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new PytorchError("invalid_zip", file, `entry ${JSON.stringify(name.slice(0, 200))} has a ZIP64 size ${value} beyond any file`);
        return Number(value);
      };
      return { size: fields.size ? next() : undefined, compressed: fields.compressed ? next() : undefined, offset: fields.offset ? next() : undefined };
    }
    at += 4 + length;
  }
  throw new PytorchError("invalid_zip", file, `entry ${JSON.stringify(name.slice(0, 200))} needs a ZIP64 extra field, which is missing`);
}

/** Reads the central directory in one range read and lists its entries; every offset and size is checked against the archive. */
export async function readZipEntries(source: ByteSource, file: string, directory: ZipDirectory): Promise<ZipEntry[]> {
  if (directory.size > MAX_DIRECTORY_BYTES) throw new PytorchError("unsupported_zip", file, `the central directory has ${directory.size} bytes, more than the ${MAX_DIRECTORY_BYTES} allowed`);
  if (directory.entries > directory.size / CENTRAL_BYTES) {
    throw new PytorchError("invalid_zip", file, `the archive claims ${directory.entries} entries, more than its ${directory.size}-byte central directory can hold`);
  }
  const bytes = await source.read(directory.offset, directory.size);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < directory.entries; i++) {
    if (at + CENTRAL_BYTES > bytes.byteLength || view.getUint32(at, true) !== CENTRAL) {
      throw new PytorchError("invalid_zip", file, `central directory entry ${i} at byte ${directory.offset + at} is missing or malformed`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + CENTRAL_BYTES + nameLength + extraLength + commentLength;
    if (next > bytes.byteLength) throw new PytorchError("invalid_zip", file, `central directory entry ${i} runs past the directory's end`);
    let name: string;
    try {
      name = names.decode(bytes.subarray(at + CENTRAL_BYTES, at + CENTRAL_BYTES + nameLength));
    } catch {
      throw new PytorchError("invalid_zip", file, `central directory entry ${i} has a name that is not UTF-8`);
    }
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    let localOffset = view.getUint32(at + 42, true);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      const extra = new DataView(bytes.buffer, bytes.byteOffset + at + CENTRAL_BYTES + nameLength, extraLength);
      const wide = zip64(extra, file, name, { size: size === 0xffffffff, compressed: compressedSize === 0xffffffff, offset: localOffset === 0xffffffff });
      size = wide.size ?? size;
      compressedSize = wide.compressed ?? compressedSize;
      localOffset = wide.offset ?? localOffset;
    }
    if (localOffset + 30 + compressedSize > directory.offset) {
      throw new PytorchError("invalid_zip", file, `entry ${JSON.stringify(name.slice(0, 200))} claims ${compressedSize} bytes at byte ${localOffset}, past the start of the central directory`);
    }
    entries.push({ name, method: view.getUint16(at + 10, true), flags: view.getUint16(at + 8, true), compressedSize, size, localOffset });
    at = next;
  }
  return entries;
}
