import { describe, expect, it } from "vitest";
import { dequantizeQ5_0 } from "./dequantize-q5-0.ts";
import { decodeBlocks, expectMatchesDefinition, runCommonChecks } from "../../test/helpers/dequantize-checks.ts";

describe("dequantizeQ5_0", () => {
  it("takes value j's fifth bit from bit j of the high-bit word", () => {
    const block = new Uint8Array(22);
    block.set([0x00, 0x3c, 0x01, 0x00, 0x01, 0x00]); // d = 1; high bits 0 and 16
    block[6] = 0x21;
    const values = decodeBlocks(dequantizeQ5_0, block, 32, 22);
    expect([values[0], values[16], values[1], values[17]]).toEqual([1, 2, -16, -16]);
  });

  it("sets each high bit alone at its value", () => {
    const specs = Array.from({ length: 32 }, (_, bit) => ({ type: "Q5_0" as const, d: 0.75, q: Array.from({ length: 32 }, (_, j) => (j === bit ? 16 : 0)) }));
    expectMatchesDefinition(dequantizeQ5_0, specs, 32, 22);
  });

  it("matches the format's definition on random blocks", () => runCommonChecks("Q5_0", dequantizeQ5_0, 32, 22));
});
