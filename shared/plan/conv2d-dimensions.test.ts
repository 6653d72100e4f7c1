import { describe, expect, it } from "vitest";
import { conv2dDimensions } from "./conv2d-dimensions.ts";

describe("conv2dDimensions", () => {
  it.each([
    // [out, in, kh, kw] → rows, cols, rf, N, M
    [[16, 3, 3, 3], [16, 3, 9, 16, 3]], // out ≥ in: no swap
    [[60, 480, 1, 3], [60, 480, 3, 480, 60]], // out < in, 3 slices: swapped 3 times → N = in
    [[60, 240, 1, 1], [60, 240, 1, 240, 60]], // one swap
    [[60, 240, 2, 2], [60, 240, 4, 60, 240]], // 4 swaps cancel: N < M, as the reference reports
    [[240, 1, 5, 5], [240, 1, 25, 240, 1]], // depthwise
    [[1, 3, 3, 3], [1, 3, 9, 1, 3]], // out + in < kh + kw: the reference takes it for channels-first and keeps N = out
  ] as const)("%j", (shape, [rows, cols, rf, N, M]) => {
    expect(conv2dDimensions(shape)).toEqual({ rows, cols, rf, N, M });
  });
});
