import { describe, expect, it } from "vitest";
import { dequantizeQ5_1 } from "./dequantize-q5-1.ts";
import { decodeBlocks, expectMatchesDefinition, runCommonChecks } from "../../test/helpers/dequantize-checks.ts";

describe("dequantizeQ5_1", () => {
  it("decodes a hand-made block: value q·d + m with the fifth bit of value 31 in bit 31", () => {
    const block = new Uint8Array(24);
    block.set([0x00, 0x40, 0x00, 0x38, 0x00, 0x00, 0x00, 0x80]); // d = 2, m = 0.5, bit 31
    block[8 + 15] = 0xf0;
    const values = decodeBlocks(dequantizeQ5_1, block, 32, 24);
    expect([values[31], values[15], values[0]]).toEqual([62.5, 0.5, 0.5]);
  });

  it("sets each high bit alone, with negative offsets", () => {
    const specs = Array.from({ length: 32 }, (_, bit) => ({
      type: "Q5_1" as const,
      d: 3.5,
      m: -100,
      q: Array.from({ length: 32 }, (_, j) => (j === bit ? 31 : 15)),
    }));
    expectMatchesDefinition(dequantizeQ5_1, specs, 32, 24);
  });

  it("matches the format's definition on random blocks", () => runCommonChecks("Q5_1", dequantizeQ5_1, 32, 24));
});
