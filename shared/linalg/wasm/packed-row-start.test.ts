import { describe, expect, it } from "vitest";
import { packedRowStart } from "./packed-row-start.ts";

describe("packedRowStart", () => {
  it("is the running sum of row lengths rounded up to even", () => {
    let start = 0;
    for (let r = 0; r < 200; r++) {
      expect(packedRowStart(r)).toBe(start);
      start += 2 * Math.ceil((r + 1) / 2);
    }
  });

  it("keeps every row 16-byte aligned and a 4096 triangle near half a full matrix", () => {
    for (let r = 0; r < 100; r++) expect(packedRowStart(r) % 2).toBe(0);
    expect(packedRowStart(4096) * 8).toBe(2 * 2048 * 2049 * 8);
    expect(packedRowStart(4096) / (4096 * 4096)).toBeLessThan(0.51);
  });
});
