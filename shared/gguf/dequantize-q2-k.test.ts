import { describe, expect, it } from "vitest";
import { dequantizeQ2_K } from "./dequantize-q2-k.ts";
import { decodeBlocks, expectMatchesDefinition, runCommonChecks } from "../../test/helpers/dequantize-checks.ts";

describe("dequantizeQ2_K", () => {
  it("decodes a hand-made super-block: bits 2k of quant byte l are value 32k + l, one scale/min byte per 16 values", () => {
    const block = new Uint8Array(84);
    block.set([0x53, 0x12, 0x0f, 0, 0x21, 0, 0x01], 0); // scale/min 3/5, 2/1, 15/0, -, 1/2, -, 1/0
    block[16] = 0b1110_0100;
    block.set([0x00, 0x3c, 0x00, 0x34], 80); // d = 1, dmin = 0.25
    const values = decodeBlocks(dequantizeQ2_K, block, 256, 84);
    expect([values[0], values[32], values[16], values[64], values[96]]).toEqual([-1.25, 15, -0.25, 1.5, 3]);
  });

  it("handles extreme and negative super-block scales", () => {
    const base = { type: "Q2_K" as const, scales: Array.from({ length: 16 }, (_, j) => 15 - j), mins: Array.from({ length: 16 }, (_, j) => j), q: Array.from({ length: 256 }, (_, i) => (i * 5) % 4) };
    expectMatchesDefinition(
      dequantizeQ2_K,
      [
        { ...base, d: 65504, dmin: -65504 },
        { ...base, d: -(2 ** -24), dmin: 2 ** -20 },
        { ...base, d: 0.0999755859375, dmin: 0.300048828125 }, // the f16 values nearest 0.1 and 0.3
      ],
      256,
      84,
    );
  });

  it("matches the format's definition on random super-blocks", () => runCommonChecks("Q2_K", dequantizeQ2_K, 256, 84));
});
