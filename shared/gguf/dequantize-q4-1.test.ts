import { describe, expect, it } from "vitest";
import { dequantizeQ4_1 } from "./dequantize-q4-1.ts";
import { decodeBlocks, expectMatchesDefinition, runCommonChecks } from "../../test/helpers/dequantize-checks.ts";

describe("dequantizeQ4_1", () => {
  it("decodes a hand-made block: value q·d + m", () => {
    const block = new Uint8Array(20);
    block.set([0x00, 0x34, 0x00, 0xbc]); // d = 0.25, m = −1
    block[4 + 1] = 0x3a;
    const values = decodeBlocks(dequantizeQ4_1, block, 32, 20);
    expect([values[1], values[17], values[0]]).toEqual([1.5, -0.25, -1]);
  });

  it("rounds the sum once to float32, with extreme and negative offsets", () => {
    const q = Array.from({ length: 32 }, (_, i) => i % 16);
    expectMatchesDefinition(
      dequantizeQ4_1,
      [
        { type: "Q4_1", d: 65504, m: -65504, q },
        { type: "Q4_1", d: 2 ** -24, m: 1, q }, // q·d vanishes against m: rounds to 1
        { type: "Q4_1", d: 1 + 2 ** -10, m: -(2 ** -14), q },
        { type: "Q4_1", d: -0.5, m: 0, q },
      ],
      32,
      20,
    );
  });

  it("matches the format's definition on random blocks", () => runCommonChecks("Q4_1", dequantizeQ4_1, 32, 20));
});
