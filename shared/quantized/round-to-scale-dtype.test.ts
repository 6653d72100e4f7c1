import { describe, expect, it } from "vitest";
import { roundToBfloat16, roundToHalf, roundToScaleDtype } from "./round-to-scale-dtype.ts";

describe("roundToHalf / roundToBfloat16", () => {
  it("round once to the nearest, ties to even, with subnormals and overflow", () => {
    // binary16 has 10 fraction bits: 1 + 2^-11 is a tie between 1 and 1 + 2^-10
    expect(roundToHalf(1 + 2 ** -11)).toBe(1);
    expect(roundToHalf(1 + 3 * 2 ** -11)).toBe(1 + 2 * 2 ** -10);
    expect(roundToHalf(-(1 + 2 ** -10 + 2 ** -12))).toBe(-(1 + 2 ** -10));
    expect(roundToHalf(2 ** -25)).toBe(0); // tie between 0 and the smallest subnormal 2^-24
    expect(roundToHalf(3 * 2 ** -25)).toBe(2 ** -23);
    expect(roundToHalf(65504)).toBe(65504);
    expect(roundToHalf(65520)).toBe(Infinity);
    expect(roundToHalf(0.1)).toBe(0.0999755859375);
    expect(roundToBfloat16(1 + 2 ** -8)).toBe(1);
    expect(roundToBfloat16(1 + 3 * 2 ** -8)).toBe(1 + 2 ** -6);
  });

  it("chooses the rounding of the scales' dtype (float32 scales: float32)", () => {
    expect(roundToScaleDtype("F16")(1 + 2 ** -12)).toBe(1);
    expect(roundToScaleDtype("BF16")(1 + 2 ** -12)).toBe(1);
    expect(roundToScaleDtype("F32")(1 + 2 ** -12)).toBe(1 + 2 ** -12);
  });
});
