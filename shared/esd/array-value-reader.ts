import type { ValueReader } from "./types.ts";
import { EsdError } from "./esd-error.ts";

/** A ValueReader over values already in memory, yielding views of at most `chunkValues` values. */
export function arrayValueReader(values: Float32Array, chunkValues = 1 << 16): ValueReader {
  if (!Number.isSafeInteger(chunkValues) || chunkValues < 1) throw new EsdError("invalid_option", `chunkValues must be a positive integer, got ${chunkValues}`);
  return async function* read(first: number, count: number) {
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(count) || first < 0 || count < 0 || first + count > values.length) {
      throw new EsdError("reader_mismatch", `values ${first}..${first + count} are outside the ${values.length} held`);
    }
    for (let at = first; at < first + count; at += chunkValues) yield values.subarray(at, Math.min(at + chunkValues, first + count));
  };
}
