import { type ByteSource, checkByteRange, ByteRangeError } from "#shared/safetensors";

export const DEFAULT_SLICE_BYTES = 4 << 20;

/**
 * A dropped or chosen local file (the File API) as a ByteSource: every read is a `File.slice()`
 * of at most `sliceBytes`, so a multi-gigabyte file is streamed, never held, and nothing leaves
 * the browser.
 */
export function fileSliceByteSource(file: Blob & { readonly name: string }, options: { sliceBytes?: number } = {}): ByteSource {
  const sliceBytes = options.sliceBytes ?? DEFAULT_SLICE_BYTES;
  if (!Number.isSafeInteger(sliceBytes) || sliceBytes < 1) throw new RangeError(`sliceBytes must be a positive integer, got ${sliceBytes}`);

  const slice = async (at: number, length: number) => {
    const bytes = new Uint8Array(await file.slice(at, at + length).arrayBuffer());
    // a File changed on disk after it was chosen reads short (or fails) rather than lying
    if (bytes.byteLength !== length) throw new ByteRangeError("short_read", file.name, `gave ${bytes.byteLength} of the ${length} bytes at ${at}`);
    return bytes;
  };

  async function* stream(offset: number, length: number): AsyncGenerator<Uint8Array> {
    checkByteRange(file.name, offset, length, file.size);
    for (let at = offset; at < offset + length; at += sliceBytes) yield await slice(at, Math.min(sliceBytes, offset + length - at));
  }

  return {
    name: file.name,
    size: async () => file.size,
    stream,
    async read(offset, length) {
      checkByteRange(file.name, offset, length, file.size);
      return length <= sliceBytes ? slice(offset, length) : concat(stream(offset, length), length);
    },
  };
}

async function concat(chunks: AsyncIterable<Uint8Array>, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let at = 0;
  for await (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
