import { describe, expect, it } from "vitest";
import { packLowerTriangle, unpackSymmetric } from "./packed-copy.ts";
import { packedRowStart } from "./packed-row-start.ts";

describe("packLowerTriangle / unpackSymmetric", () => {
  it("round-trips a symmetric matrix and ignores the upper triangle on the way in", () => {
    for (const n of [1, 2, 3, 7, 10]) {
      const a = new Float64Array(n * n);
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) a[r * n + c] = c <= r ? r * 100 + c : -1;
      const packed = new Float64Array(packedRowStart(n)).fill(Number.NaN);
      packLowerTriangle(n, a, packed);
      const full = unpackSymmetric(n, packed);
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < n; c++) expect(full[r * n + c]).toBe(Math.max(r, c) * 100 + Math.min(r, c));
      }
    }
  });
});
