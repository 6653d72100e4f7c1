import { describe, expect, it } from "vitest";
import { addProductBlock } from "./add-product-block.ts";

describe("addProductBlock", () => {
  const c = [Float32Array.from([1, 2]), Float32Array.from([3, 4])];

  it("adds a block at an offset of a larger matrix", () => {
    const g = new Float64Array(9).fill(0.5);
    addProductBlock(c, g, 3, 1, 0, false);
    expect(Array.from(g)).toEqual([0.5, 0.5, 0.5, 1.5, 2.5, 0.5, 3.5, 4.5, 0.5]);
  });

  it("adds only the lower triangle of a diagonal block", () => {
    const g = new Float64Array(4);
    addProductBlock(c, g, 2, 0, 0, true);
    expect(Array.from(g)).toEqual([1, 0, 3, 4]);
  });

  it("sums in float64, keeping what float32 would round away", () => {
    const g = new Float64Array(1).fill(1);
    addProductBlock([Float32Array.from([2 ** -30])], g, 1, 0, 0, false);
    expect(g[0]).toBe(1 + 2 ** -30);
  });
});
