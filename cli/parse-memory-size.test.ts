import { describe, expect, it } from "vitest";
import { parseMemorySize } from "./parse-memory-size.ts";

describe("parseMemorySize", () => {
  it("reads bytes and binary multiples, however the unit is spelled", () => {
    expect(parseMemorySize("1048576")).toBe(2 ** 20);
    expect(parseMemorySize("512M")).toBe(512 * 2 ** 20);
    expect(parseMemorySize("8G")).toBe(8 * 2 ** 30);
    expect(parseMemorySize("8GiB")).toBe(8 * 2 ** 30);
    expect(parseMemorySize("8gb")).toBe(8 * 2 ** 30);
    expect(parseMemorySize("1.5 G")).toBe(1.5 * 2 ** 30);
    expect(parseMemorySize("2t")).toBe(2 * 2 ** 40);
  });

  it("refuses what is not a positive size", () => {
    for (const text of ["", "0", "-1G", "lots", "8X", "G", "1e9", "0.1"]) expect(parseMemorySize(text)).toBeNull();
  });
});
