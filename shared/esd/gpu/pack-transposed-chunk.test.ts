import { describe, expect, it } from "vitest";
import { packTransposedChunk } from "./pack-transposed-chunk.ts";

describe("packTransposedChunk", () => {
  // 2 rows × 5 columns
  const panel = Float64Array.from([0, 1, 2, 3, 4, 10, 11, 12, 13, 14]);

  it("turns a column chunk so that the depth runs down", () => {
    expect(Array.from(packTransposedChunk(panel, 2, 5, 1, 2, new Float32Array(4)))).toEqual([1, 11, 2, 12]);
  });

  it("pads past the last column with zeros, overwriting what the buffer held", () => {
    const out = new Float32Array(6).fill(99);
    expect(Array.from(packTransposedChunk(panel, 2, 5, 4, 3, out))).toEqual([4, 14, 0, 0, 0, 0]);
  });
});
