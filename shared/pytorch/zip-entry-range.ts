import type { ByteSource } from "../safetensors/types.ts";
import type { ZipEntry } from "./read-zip-entries.ts";
import { PytorchError } from "./pytorch-error.ts";

const LOCAL = 0x04034b50;

/**
 * The absolute byte range of a stored (uncompressed, unencrypted) entry's data, from its local
 * header: the data follows that header's name and extra field, whose length may differ from the
 * central directory's (torch pads the local extra field to align storages). One small read.
 */
export async function zipEntryRange(source: ByteSource, file: string, entry: ZipEntry, directoryOffset: number): Promise<{ begin: number; end: number }> {
  const quoted = JSON.stringify(entry.name.slice(0, 200));
  if (entry.flags & 1) throw new PytorchError("unsupported_zip", file, `entry ${quoted} is encrypted`);
  if (entry.method !== 0 || entry.compressedSize !== entry.size) {
    throw new PytorchError("unsupported_zip", file, `entry ${quoted} is compressed (method ${entry.method}); torch writes its checkpoints stored`);
  }
  const name = new TextEncoder().encode(entry.name);
  const header = await source.read(entry.localOffset, Math.min(30 + name.byteLength, directoryOffset - entry.localOffset));
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.byteLength < 30 + name.byteLength || view.getUint32(0, true) !== LOCAL) {
    throw new PytorchError("invalid_zip", file, `entry ${quoted} has no local header at byte ${entry.localOffset}`);
  }
  if (view.getUint16(8, true) !== 0) throw new PytorchError("unsupported_zip", file, `entry ${quoted} is compressed in its local header`);
  if (view.getUint16(26, true) !== name.byteLength || !name.every((b, i) => header[30 + i] === b)) {
    throw new PytorchError("invalid_zip", file, `entry ${quoted}'s local header names another file`);
  }
  const begin = entry.localOffset + 30 + name.byteLength + view.getUint16(28, true);
  const end = begin + entry.size;
  if (end > directoryOffset) throw new PytorchError("invalid_zip", file, `entry ${quoted}'s data (bytes ${begin}..${end}) runs into the central directory`);
  return { begin, end };
}
