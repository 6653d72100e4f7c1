import type { ByteSource } from "../safetensors/types.ts";
import { PytorchError } from "./pytorch-error.ts";

/** Where a ZIP archive's central directory lies. */
export interface ZipDirectory {
  entries: number;
  offset: number;
  size: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const EOCD_BYTES = 22;
const MAX_COMMENT = 0xffff;

function u64(view: DataView, at: number, file: string, what: string): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new PytorchError("invalid_zip", file, `ZIP64 ${what} ${value} is beyond any file`);
  return Number(value);
}

/** A pickle stream (torch < 1.6 wrote one bare) or a tar archive (torch < 0.4): the legacy formats. */
async function legacyOrNotZip(source: ByteSource, file: string, size: number): Promise<PytorchError> {
  const head = await source.read(0, Math.min(size, 264));
  const tar = head.byteLength >= 262 && new TextDecoder().decode(head.subarray(257, 262)) === "ustar";
  if ((head[0] === 0x80 && head[1] >= 1 && head[1] <= 5) || tar) {
    return new PytorchError(
      "legacy_format",
      file,
      "is a legacy PyTorch checkpoint (saved by torch < 1.6, not a ZIP archive), which heavytail does not read: convert it to safetensors (load it with torch and save it with safetensors.torch.save_file)",
    );
  }
  return new PytorchError("not_zip", file, "is not a ZIP archive (no end-of-central-directory record), so not a PyTorch ≥ 1.6 checkpoint");
}

/**
 * Finds the central directory from the end-of-central-directory record at the file's end (and the
 * ZIP64 record it points to, for large archives), reading only the last 64 kB and one small record.
 * Refuses multi-disk archives and records that point outside the file.
 */
export async function findZipDirectory(source: ByteSource, file: string): Promise<ZipDirectory> {
  const size = await source.size();
  if (size < EOCD_BYTES) throw await legacyOrNotZip(source, file, size);
  const tailStart = Math.max(0, size - EOCD_BYTES - MAX_COMMENT - 20);
  const tail = await source.read(tailStart, size - tailStart);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let at = -1;
  // the record must end the file exactly: its comment runs to the last byte
  for (let i = tail.byteLength - EOCD_BYTES; i >= 0; i--) {
    if (view.getUint32(i, true) === EOCD && i + EOCD_BYTES + view.getUint16(i + 20, true) === tail.byteLength) {
      at = i;
      break;
    }
  }
  if (at < 0) throw await legacyOrNotZip(source, file, size);
  const eocdOffset = tailStart + at;
  let disk = view.getUint16(at + 4, true);
  let cdDisk = view.getUint16(at + 6, true);
  let entriesHere = view.getUint16(at + 8, true);
  let entries = view.getUint16(at + 10, true);
  let cdSize = view.getUint32(at + 12, true);
  let offset = view.getUint32(at + 16, true);
  let end = eocdOffset;

  if (at >= 20 && view.getUint32(at - 20, true) === ZIP64_LOCATOR) {
    const recordAt = u64(view, at - 12, file, "end-of-central-directory offset");
    if (recordAt + 56 > eocdOffset - 20) throw new PytorchError("invalid_zip", file, `the ZIP64 end-of-central-directory record at byte ${recordAt} lies outside the archive`);
    const record = await source.read(recordAt, 56);
    const r = new DataView(record.buffer, record.byteOffset, 56);
    if (r.getUint32(0, true) !== ZIP64_EOCD) throw new PytorchError("invalid_zip", file, `no ZIP64 end-of-central-directory record at byte ${recordAt}`);
    disk = r.getUint32(16, true);
    cdDisk = r.getUint32(20, true);
    entriesHere = u64(r, 24, file, "entry count");
    entries = u64(r, 32, file, "entry count");
    cdSize = u64(r, 40, file, "central directory size");
    offset = u64(r, 48, file, "central directory offset");
    end = recordAt;
  } else if (entries === 0xffff || cdSize === 0xffffffff || offset === 0xffffffff) {
    throw new PytorchError("invalid_zip", file, "the end-of-central-directory record needs a ZIP64 record, which is missing");
  }
  if (disk !== 0 || cdDisk !== 0 || entriesHere !== entries) throw new PytorchError("unsupported_zip", file, "is a multi-disk ZIP archive");
  if (offset + cdSize > end) {
    throw new PytorchError("invalid_zip", file, `the central directory (bytes ${offset}..${offset + cdSize}) runs past the end-of-central-directory record at byte ${end}`);
  }
  return { entries, offset, size: cdSize };
}
