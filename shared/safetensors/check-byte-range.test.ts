import { describe, expect, it } from "vitest";
import { checkByteRange } from "./check-byte-range.ts";
import { ByteRangeError } from "./byte-range-error.ts";

describe("checkByteRange", () => {
  it("accepts ranges inside the source, including empty ones at the end", () => {
    expect(() => checkByteRange("s", 0, 10, 10)).not.toThrow();
    expect(() => checkByteRange("s", 10, 0, 10)).not.toThrow();
  });

  it("rejects negative, fractional and out-of-bounds ranges", () => {
    for (const [offset, length] of [[-1, 1], [0, -1], [0.5, 1], [5, 6], [Number.NaN, 1]]) {
      expect(() => checkByteRange("s", offset, length, 10)).toThrow(ByteRangeError);
    }
  });
});
