import { describe, expect, it } from "vitest";
import { packColumns } from "./pack-columns.ts";

describe("packColumns", () => {
  it("copies a band of columns of every row, row-major", () => {
    // 2 rows × 5 columns
    const block = Float32Array.from([0, 1, 2, 3, 4, 10, 11, 12, 13, 14]);
    expect(Array.from(packColumns(block, 2, 5, 1, 3, new Float32Array(6)))).toEqual([1, 2, 3, 11, 12, 13]);
    expect(Array.from(packColumns(block, 2, 5, 4, 1, new Float32Array(2)))).toEqual([4, 14]);
  });
});
