import { open, stat } from "node:fs/promises";
import { type ByteSource, checkByteRange, ByteRangeError, readFromStream } from "#shared/safetensors";

export const DEFAULT_FILE_BUFFER_BYTES = 1 << 20;

/**
 * A local file as a ByteSource: positional reads, and streams in chunks of at most `bufferBytes`,
 * so a tensor of any size is read with bounded memory. The file is opened per call and always closed.
 */
export function fileByteSource(path: string, options: { bufferBytes?: number } = {}): ByteSource {
  const bufferBytes = options.bufferBytes ?? DEFAULT_FILE_BUFFER_BYTES;
  if (!Number.isSafeInteger(bufferBytes) || bufferBytes < 1) throw new RangeError(`bufferBytes must be a positive integer, got ${bufferBytes}`);
  const size = async () => (await stat(path)).size;

  async function* stream(offset: number, length: number): AsyncGenerator<Uint8Array> {
    checkByteRange(path, offset, length, await size());
    if (length === 0) return;
    const handle = await open(path, "r");
    try {
      for (let at = offset; at < offset + length; ) {
        const chunk = new Uint8Array(Math.min(bufferBytes, offset + length - at));
        let filled = 0;
        while (filled < chunk.byteLength) {
          const { bytesRead } = await handle.read(chunk, filled, chunk.byteLength - filled, at + filled);
          // the file shrank since its size was checked
          if (bytesRead === 0) throw new ByteRangeError("short_read", path, `ended at byte ${at + filled} while reading bytes ${offset}..${offset + length}`);
          filled += bytesRead;
        }
        at += filled;
        yield chunk;
      }
    } finally {
      await handle.close();
    }
  }

  return {
    name: path,
    size,
    stream,
    read: (offset, length) => readFromStream(stream, offset, length),
  };
}
