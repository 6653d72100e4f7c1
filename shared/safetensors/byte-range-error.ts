/** A byte range a source cannot deliver: not a valid range of the source, or the source ended before it. */
export class ByteRangeError extends Error {
  constructor(
    readonly code: "out_of_range" | "short_read",
    readonly source: string,
    detail: string,
  ) {
    super(`${source}: ${detail}`);
    this.name = "ByteRangeError";
  }
}
