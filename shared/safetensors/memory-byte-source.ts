import type { ByteSource } from "./types.ts";
import { checkByteRange } from "./check-byte-range.ts";

/**
 * Bytes already in memory as a ByteSource (tests, a file the browser holds). `chunkBytes` sets the
 * size of the chunks `stream` yields, so streaming consumers can be tested with awkward cuts.
 */
export function memoryByteSource(name: string, bytes: Uint8Array, options: { chunkBytes?: number } = {}): ByteSource {
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1) throw new RangeError(`chunkBytes must be a positive integer, got ${chunkBytes}`);
  return {
    name,
    size: async () => bytes.byteLength,
    async read(offset, length) {
      checkByteRange(name, offset, length, bytes.byteLength);
      return bytes.slice(offset, offset + length);
    },
    async *stream(offset, length) {
      checkByteRange(name, offset, length, bytes.byteLength);
      for (let at = offset; at < offset + length; at += chunkBytes) {
        yield bytes.slice(at, Math.min(at + chunkBytes, offset + length));
      }
    },
  };
}
