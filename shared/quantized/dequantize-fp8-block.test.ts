import { describe, expect, it } from "vitest";
import { dequantizeFp8Block } from "./dequantize-fp8-block.ts";

describe("dequantizeFp8Block", () => {
  it("multiplies each value by its block's scale, partial edge blocks included, from any start element", () => {
    // a 3 × 5 matrix in 2 × 2 blocks: scale grid 2 × 3; values table = the byte itself
    const values = Float32Array.from({ length: 256 }, (_, b) => b);
    const scale = Float32Array.from([1, 10, 100, 1000, 10000, 100000]);
    const bytes = Uint8Array.from({ length: 15 }, (_, k) => k + 1);
    const out = new Float32Array(15);
    dequantizeFp8Block(bytes, 0, 5, 2, 2, scale, 0, 3, values, out);
    const want = Array.from({ length: 15 }, (_, k) => (k + 1) * scale[Math.floor(Math.floor(k / 5) / 2) * 3 + Math.floor((k % 5) / 2)]);
    expect(Array.from(out)).toEqual(want);
    // the last row alone, with only its block row of scales
    const tail = new Float32Array(5);
    dequantizeFp8Block(bytes.subarray(10), 10, 5, 2, 2, scale.subarray(3), 1, 3, values, tail);
    expect(Array.from(tail)).toEqual(want.slice(10));
  });

  it("rounds the product to float32, as the kernel computes it", () => {
    const out = new Float32Array(1);
    dequantizeFp8Block(Uint8Array.of(0), 0, 1, 1, 1, Float32Array.of(1 / 3), 0, 1, Float32Array.of(3), out);
    expect(out[0]).toBe(Math.fround(3 * Math.fround(1 / 3)));
  });
});
