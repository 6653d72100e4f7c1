import { describe, expect, it } from "vitest";
import { float8E5m2ToFloat } from "./float8-e5m2-to-float.ts";

describe("float8E5m2ToFloat", () => {
  it.each([
    [0x00, 0],
    [0x3c, 1],
    [0xc0, -2],
    [0x3e, 1.5],
    [0x01, 2 ** -16],
    [0x03, 3 * 2 ** -16],
    [0x04, 2 ** -14],
    [0x7b, 57344],
    [0xfb, -57344],
    [0x7c, Infinity],
    [0xfc, -Infinity],
  ])("0x%s", (byte, value) => {
    expect(float8E5m2ToFloat(byte)).toBe(value);
  });

  it("decodes e = 31 with a mantissa as NaN and keeps -0", () => {
    for (const byte of [0x7d, 0x7e, 0x7f, 0xfd, 0xff]) expect(float8E5m2ToFloat(byte)).toBeNaN();
    expect(Object.is(float8E5m2ToFloat(0x80), -0)).toBe(true);
  });
});
