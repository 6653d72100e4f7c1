import type { ByteSource } from "../safetensors/types.ts";
import { ByteRangeError } from "../safetensors/byte-range-error.ts";

/**
 * Columns c0 … c1−1 of a row-major rows × cols matrix of `size`-byte elements stored from byte
 * `begin`, read as ONE stream over the bytes from its first wanted element to its last (a Hub file
 * is one range request, not one per row): [rows, c1 − c0] elements' bytes, row-major.
 */
export async function gatherColumnWindow(source: ByteSource, begin: number, rows: number, cols: number, size: number, c0: number, c1: number): Promise<Uint8Array> {
  const width = (c1 - c0) * size;
  const rowBytes = cols * size;
  const out = new Uint8Array(rows * width);
  if (rows === 0 || width === 0) return out;
  // bytes of the span, relative to the matrix's first byte
  const first = c0 * size;
  const last = (rows - 1) * rowBytes + c1 * size;
  let at = first;
  for await (const chunk of source.stream(begin + first, last - first)) {
    const end = at + chunk.byteLength;
    if (end > last) throw new ByteRangeError("short_read", source.name, `delivered more than the ${last - first} bytes asked for`);
    for (let r = Math.floor(at / rowBytes); r * rowBytes < end && r < rows; r++) {
      const lo = Math.max(at, r * rowBytes + first);
      const hi = Math.min(end, r * rowBytes + c1 * size);
      if (lo < hi) out.set(chunk.subarray(lo - at, hi - at), r * width + (lo - r * rowBytes - first));
    }
    at = end;
  }
  if (at !== last) throw new ByteRangeError("short_read", source.name, `ended after ${at - first} of ${last - first} bytes`);
  return out;
}
