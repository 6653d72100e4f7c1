import { describe, expect, it } from "vitest";
import { dequantizeQ5_K } from "./dequantize-q5-k.ts";
import { decodeBlocks, expectMatchesDefinition, runCommonChecks } from "../../test/helpers/dequantize-checks.ts";

describe("dequantizeQ5_K", () => {
  it("decodes a hand-made super-block: bit 2g (2g + 1) of high byte l is the fifth bit of value 64g + l (+ 32)", () => {
    const block = new Uint8Array(176);
    block.set([0x00, 0x3c, 0x00, 0x38]); // d = 1, dmin = 0.5
    block.set([0xc1, 2, 3, 4, 0x45, 6, 7, 8, 0x21, 0, 0, 0], 4);
    block[16] = 0b0001_0001; // fifth bits of values 0 and 128
    block[48] = 0x3a;
    block[48 + 64] = 0x07;
    const values = decodeBlocks(dequantizeQ5_K, block, 256, 176);
    expect(values[0]).toBe(26 - 2.5);
    expect(values[32]).toBe(2 * 3 - 3);
    expect(values[128]).toBe(49 * 23 - 9);
    expect(values[160]).toBe(0);
  });

  it("sets each of the 256 fifth bits alone at its value", () => {
    const specs = Array.from({ length: 256 }, (_, bit) => ({
      type: "Q5_K" as const,
      d: 0.25,
      dmin: 0.125,
      scales: [1, 2, 3, 4, 5, 6, 7, 8],
      mins: [8, 7, 6, 5, 4, 3, 2, 1],
      q: Array.from({ length: 256 }, (_, i) => (i === bit ? 16 + (i % 16) : i % 16)),
    }));
    expectMatchesDefinition(dequantizeQ5_K, specs, 256, 176);
  });

  it("decodes every 6-bit scale and min at every sub-block position", () => {
    const specs = [];
    for (let position = 0; position < 8; position++) {
      for (let v = 0; v < 64; v++) {
        specs.push({
          type: "Q5_K" as const,
          d: 1.5,
          dmin: -3,
          scales: Array.from({ length: 8 }, (_, j) => (j === position ? v : (v + 5 * j) % 64)),
          mins: Array.from({ length: 8 }, (_, j) => (j === position ? v ^ 42 : (v + 3 * j) % 64)),
          q: Array.from({ length: 256 }, (_, i) => (i * 11 + v) % 32),
        });
      }
    }
    expectMatchesDefinition(dequantizeQ5_K, specs, 256, 176);
  });

  it("matches the format's definition on random super-blocks", () => runCommonChecks("Q5_K", dequantizeQ5_K, 256, 176));
});
