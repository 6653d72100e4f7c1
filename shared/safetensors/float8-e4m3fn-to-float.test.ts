import { describe, expect, it } from "vitest";
import { float8E4m3fnToFloat } from "./float8-e4m3fn-to-float.ts";

describe("float8E4m3fnToFloat", () => {
  it.each([
    [0x00, 0],
    [0x38, 1],
    [0xb8, -1],
    [0x3c, 1.5],
    [0x01, 2 ** -9],
    [0x07, 7 * 2 ** -9],
    [0x08, 2 ** -6],
    [0x78, 256],
    [0x7e, 448],
    [0xfe, -448],
  ])("0x%s", (byte, value) => {
    expect(float8E4m3fnToFloat(byte)).toBe(value);
  });

  it("has no infinities: only 0x7f and 0xff are NaN, and -0 keeps its sign", () => {
    expect(float8E4m3fnToFloat(0x7f)).toBeNaN();
    expect(float8E4m3fnToFloat(0xff)).toBeNaN();
    expect(Object.is(float8E4m3fnToFloat(0x80), -0)).toBe(true);
    const finite = Array.from({ length: 256 }, (_, b) => float8E4m3fnToFloat(b)).filter(Number.isFinite);
    expect(finite).toHaveLength(254);
  });
});
