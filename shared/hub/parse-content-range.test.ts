import { describe, expect, it } from "vitest";
import { parseContentRange } from "./parse-content-range.ts";

describe("parseContentRange", () => {
  it("reads satisfied and unsatisfied ranges", () => {
    expect(parseContentRange("bytes 0-99/5000")).toEqual({ first: 0, last: 99, total: 5000 });
    expect(parseContentRange("bytes 10-19/*")).toEqual({ first: 10, last: 19, total: null });
    expect(parseContentRange("bytes */5000")).toEqual({ unsatisfied: true, total: 5000 });
  });

  it("rejects malformed or inconsistent values", () => {
    for (const value of [null, "", "bytes 5-4/10", "bytes 0-10/10", "items 0-1/2", "bytes 0-1", "bytes a-b/c"]) {
      expect(parseContentRange(value)).toBeNull();
    }
  });
});
