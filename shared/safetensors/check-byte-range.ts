import { ByteRangeError } from "./byte-range-error.ts";

/** Rejects a range that is not whole non-negative numbers inside a source of `size` bytes. */
export function checkByteRange(source: string, offset: number, length: number, size: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new ByteRangeError("out_of_range", source, `invalid byte range (offset ${offset}, length ${length})`);
  }
  if (offset + length > size) {
    throw new ByteRangeError("out_of_range", source, `bytes ${offset}..${offset + length} lie beyond its ${size} bytes`);
  }
}
