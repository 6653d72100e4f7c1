import { describe, expect, it } from "vitest";
import { findNonFinite } from "./find-non-finite.ts";

describe("findNonFinite", () => {
  it("finds the first NaN or ±Inf within the count, else −1", () => {
    expect(findNonFinite(Float32Array.from([0, -0, 3.4e38, -1e-45]))).toBe(-1);
    expect(findNonFinite(Float32Array.from([1, NaN, Infinity]))).toBe(1);
    expect(findNonFinite(Float32Array.from([1, 2, -Infinity]))).toBe(2);
    expect(findNonFinite(Float32Array.from([1, 2, NaN]), 2)).toBe(-1);
  });
});
