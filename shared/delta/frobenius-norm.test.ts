import { describe, expect, it } from "vitest";
import { arrayValueReader } from "../esd/array-value-reader.ts";
import { frobeniusNorm } from "./frobenius-norm.ts";

describe("frobeniusNorm", () => {
  it("is √Σx² over the streamed values, in float64", async () => {
    expect(await frobeniusNorm(arrayValueReader(Float32Array.of(3, -4, 0), 2), 3)).toBe(5);
    expect(await frobeniusNorm(arrayValueReader(new Float32Array(0)), 0)).toBe(0);
    const x = Float32Array.from({ length: 1000 }, (_, i) => Math.fround(1 + i * 1e-7));
    const want = Math.sqrt(Array.from(x).reduce((s, v) => s + v * v, 0));
    expect(await frobeniusNorm(arrayValueReader(x, 7), 1000)).toBeCloseTo(want, 12);
  });
});
