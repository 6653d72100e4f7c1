import { describe, expect, it } from "vitest";
import { parseRangeHeader } from "./parse-range-header.ts";

describe("parseRangeHeader", () => {
  it("reads the three single-range forms, clamping the end to the file", () => {
    expect(parseRangeHeader(undefined, 100)).toEqual({ kind: "none" });
    expect(parseRangeHeader("bytes=0-0", 100)).toEqual({ kind: "range", start: 0, end: 0 });
    expect(parseRangeHeader("bytes=10-19", 100)).toEqual({ kind: "range", start: 10, end: 19 });
    expect(parseRangeHeader("bytes=90-", 100)).toEqual({ kind: "range", start: 90, end: 99 });
    expect(parseRangeHeader("bytes=-10", 100)).toEqual({ kind: "range", start: 90, end: 99 });
    expect(parseRangeHeader("bytes=-500", 100)).toEqual({ kind: "range", start: 0, end: 99 });
    expect(parseRangeHeader("bytes=50-5000", 100)).toEqual({ kind: "range", start: 50, end: 99 });
  });

  it("finds everything else unsatisfiable", () => {
    for (const header of ["bytes=100-", "bytes=100-200", "bytes=5-4", "bytes=-0", "bytes=-", "bytes=0-1,3-4", "bits=0-1", "bytes=a-b", "bytes=1.5-2", ""]) {
      expect(parseRangeHeader(header, 100), header).toEqual({ kind: "unsatisfiable" });
    }
    expect(parseRangeHeader("bytes=0-0", 0)).toEqual({ kind: "unsatisfiable" });
    expect(parseRangeHeader("bytes=99999999999999999999-", 100)).toEqual({ kind: "unsatisfiable" });
  });
});
