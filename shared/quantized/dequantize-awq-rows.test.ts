import { describe, expect, it } from "vitest";
import { dequantizeAwqRows } from "./dequantize-awq-rows.ts";

describe("dequantizeAwqRows", () => {
  it("reads output column 8j + p from nibble k where [0,2,4,6,1,3,5,7][k] = p, zeros as stored, groups along the inputs", () => {
    // 2 inputs × 8 outputs: input i has q = 2·p + i for output p; nibble k holds output [0,2,4,6,1,3,5,7][k]
    const order = [0, 2, 4, 6, 1, 3, 5, 7];
    const word = (f: (p: number) => number) => order.reduce((w, p, k) => (w | (f(p) << (4 * k))) >>> 0, 0);
    const qweight = Uint32Array.from([word((p) => 2 * p), word((p) => 2 * p + 1)]);
    const qzeros = Uint32Array.from([word((p) => p), word(() => 0)]);
    const scales = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 1, 1, 1, 1, 1, 1, 1, 1]); // [g][o], group size 1
    const w = dequantizeAwqRows({ inFeatures: 2, groupSize: 1, c0: 0, n: 8, qweight, qzeros, wordCols: 1, scales, round: (x) => x });
    // W[o, 0] = (o + 1)·(2o − o); W[o, 1] = 1·(2o + 1 − 0)
    expect(Array.from(w)).toEqual(Array.from({ length: 8 }, (_, o) => [(o + 1) * o, 2 * o + 1]).flat());
  });
});
