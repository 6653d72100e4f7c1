import { HeavytailError } from "../errors/heavytail-error.ts";

/** A byte range a source cannot deliver: not a valid range of the source, or the source ended before it. */
export class ByteRangeError extends HeavytailError {
  declare readonly code: "out_of_range" | "short_read";
  constructor(
    code: "out_of_range" | "short_read",
    readonly source: string,
    detail: string,
  ) {
    super(code, 500, `${source}: ${detail}`);
    this.name = "ByteRangeError";
  }
}
