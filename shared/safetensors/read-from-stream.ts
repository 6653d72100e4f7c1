import type { ByteSource } from "./types.ts";

/** `ByteSource.read` in terms of its `stream`: the range's chunks copied into one array. */
export async function readFromStream(stream: ByteSource["stream"], offset: number, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let at = 0;
  for await (const chunk of stream(offset, length)) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
