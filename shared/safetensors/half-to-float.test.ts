import { describe, expect, it } from "vitest";
import { halfToFloat } from "./half-to-float.ts";

describe("halfToFloat", () => {
  it.each([
    [0x0000, 0],
    [0x3c00, 1],
    [0xc000, -2],
    [0x3555, 0.333251953125],
    [0x7bff, 65504],
    [0xfbff, -65504],
    [0x0400, 2 ** -14],
    [0x0001, 2 ** -24],
    [0x03ff, 1023 * 2 ** -24],
    [0x8001, -(2 ** -24)],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ])("0x%s", (bits, value) => {
    expect(halfToFloat(bits)).toBe(value);
  });

  it("keeps the sign of zero and decodes every NaN pattern as NaN", () => {
    expect(Object.is(halfToFloat(0x8000), -0)).toBe(true);
    for (const bits of [0x7c01, 0x7e00, 0x7fff, 0xfe00]) expect(halfToFloat(bits)).toBeNaN();
  });
});
