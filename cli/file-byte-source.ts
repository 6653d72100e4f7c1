import { open, stat } from "node:fs/promises";
import { type ByteSource, checkByteRange, ByteRangeError, readFromStream } from "#shared/safetensors";

export const DEFAULT_FILE_BUFFER_BYTES = 1 << 20;

/**
 * A local file as a ByteSource: positional reads, and streams in chunks of at most `bufferBytes`
 * (one read ahead), so a tensor of any size is read with bounded memory. The file is opened per call and always closed.
 */
export function fileByteSource(path: string, options: { bufferBytes?: number } = {}): ByteSource {
  const bufferBytes = options.bufferBytes ?? DEFAULT_FILE_BUFFER_BYTES;
  if (!Number.isSafeInteger(bufferBytes) || bufferBytes < 1) throw new RangeError(`bufferBytes must be a positive integer, got ${bufferBytes}`);
  const size = async () => (await stat(path)).size;

  async function* stream(offset: number, length: number): AsyncGenerator<Uint8Array> {
    checkByteRange(path, offset, length, await size());
    if (length === 0) return;
    const handle = await open(path, "r");
    const end = offset + length;
    const readChunk = async (at: number): Promise<Uint8Array> => {
      const chunk = new Uint8Array(Math.min(bufferBytes, end - at));
      let filled = 0;
      while (filled < chunk.byteLength) {
        const { bytesRead } = await handle.read(chunk, filled, chunk.byteLength - filled, at + filled);
        // the file shrank since its size was checked
        if (bytesRead === 0) throw new ByteRangeError("short_read", path, `ended at byte ${at + filled} while reading bytes ${offset}..${end}`);
        filled += bytesRead;
      }
      return chunk;
    };
    // one chunk read ahead, so the disk (or page cache) works while the caller computes on the last one
    let next: Promise<Uint8Array> | undefined = readChunk(offset);
    try {
      for (let at = offset; next; ) {
        const chunk = await next;
        at += chunk.byteLength;
        next = at < end ? readChunk(at) : undefined;
        yield chunk;
      }
    } finally {
      // a caller that stops early leaves a read in flight: its failure (a file that shrank) is no one's to report
      await next?.catch(() => undefined);
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
