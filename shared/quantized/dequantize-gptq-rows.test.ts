import { describe, expect, it } from "vitest";
import { dequantizeGptqRows } from "./dequantize-gptq-rows.ts";

describe("dequantizeGptqRows", () => {
  // 8 inputs × 2 outputs at 4 bits: one qweight word per output column
  const q = [[1, 2, 3, 4, 5, 6, 7, 15], [0, 15, 8, 8, 1, 1, 9, 3]]; // q[o][i]
  const qweight = Uint32Array.from([0, 1].map((o) => q[o].reduce((w, v, i) => (w | (v << (4 * i))) >>> 0, 0)));
  const base = { bits: 4 as const, inFeatures: 8, c0: 0, n: 2, qweight, zeroCols: 1, round: (x: number) => x };

  it("subtracts the zero point + 1 of checkpoint_format gptq (AutoGPTQ's +1), a stored 15 meaning 16", () => {
    // two groups (inputs 0-3, 4-7); stored zeros: group 0 = [7, 15], group 1 = [0, 3] for outputs 0, 1
    const qzeros = Uint32Array.from([7 | (15 << 4), 0 | (3 << 4)]);
    const scales = Float32Array.from([0.5, 0.25, 2, 1]); // [g][o]
    const groupOf = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const w = dequantizeGptqRows({ ...base, zeroOffset: 1, qzeros, scales, groupOf });
    const want = [
      [1, 2, 3, 4].map((v) => 0.5 * (v - 8)).concat([5, 6, 7, 15].map((v) => 2 * (v - 1))),
      [0, 15, 8, 8].map((v) => 0.25 * (v - 16)).concat([1, 1, 9, 3].map((v) => 1 * (v - 4))),
    ].flat();
    expect(Array.from(w)).toEqual(want);
  });

  it("takes each input's group from g_idx (act order) and zeros as stored for gptq_v2; rows from a window", () => {
    const qzeros = Uint32Array.from([8 | (8 << 4), 1 | (2 << 4)]);
    const scales = Float32Array.from([1, 1, 10, 100]);
    const groupOf = Int32Array.from([1, 0, 1, 0, 0, 1, 0, 1]);
    const w = dequantizeGptqRows({ ...base, zeroOffset: 0, qzeros, scales, groupOf }, 1, 1);
    // output 1 only: group 0 has zero 8 and scale 1, group 1 zero 2 and scale 100
    expect(Array.from(w)).toEqual([0, 15, 8, 8, 1, 1, 9, 3].map((v, i) => (groupOf[i] === 0 ? v - 8 : 100 * (v - 2))));
  });
});
