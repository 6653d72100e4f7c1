import type { ByteSource } from "../safetensors/types.ts";

/** Wraps a byte source so every byte it delivers is reported, for progress. */
export function countBytes(source: ByteSource, onBytes: (n: number) => void): ByteSource {
  return {
    name: source.name,
    size: () => source.size(),
    async read(offset, length) {
      const bytes = await source.read(offset, length);
      onBytes(bytes.byteLength);
      return bytes;
    },
    async *stream(offset, length) {
      for await (const chunk of source.stream(offset, length)) {
        onBytes(chunk.byteLength);
        yield chunk;
      }
    },
  };
}
