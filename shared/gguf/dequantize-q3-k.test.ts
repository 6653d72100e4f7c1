import { describe, expect, it } from "vitest";
import { dequantizeQ3_K } from "./dequantize-q3-k.ts";
import { decodeBlocks, expectMatchesDefinition, runCommonChecks } from "../../test/helpers/dequantize-checks.ts";

describe("dequantizeQ3_K", () => {
  it("decodes a hand-made super-block: 6-bit scales split in nibbles and 2-bit tops, −4 unless the mask bit is set", () => {
    const block = new Uint8Array(110);
    block[0] = 0x01; // mask bit 0 of byte 0: value 0 keeps its quant
    block[32] = 0b0000_0011;
    block[96] = 0x31; // scale 0 low nibble 1, scale 8 low nibble 3
    block[104] = 0x32; // scale 0 top bits 2, scale 8 top bits 3
    block.set([0x00, 0x40], 108); // d = 2
    const values = decodeBlocks(dequantizeQ3_K, block, 256, 110);
    expect(values[0]).toBe(2 * 1 * 3);
    expect(values[32]).toBe(2 * -32 * -4);
    expect(values[128]).toBe(2 * 19 * -4);
  });

  it("decodes every 6-bit scale at every position and every mask bit alone", () => {
    const specs = [];
    for (let position = 0; position < 16; position++) {
      for (let v = -32; v < 32; v++) {
        specs.push({
          type: "Q3_K" as const,
          d: 0.375,
          scales: Array.from({ length: 16 }, (_, j) => (j === position ? v : ((v + 7 * j + 64) % 64) - 32)),
          q: Array.from({ length: 256 }, (_, i) => ((i + v + 64) % 8) - 4),
        });
      }
    }
    for (let bit = 0; bit < 256; bit++) {
      specs.push({ type: "Q3_K" as const, d: -1.5, scales: Array.from({ length: 16 }, (_, j) => j - 8), q: Array.from({ length: 256 }, (_, i) => (i === bit ? 3 : -4 + (i % 4))) });
    }
    expectMatchesDefinition(dequantizeQ3_K, specs, 256, 110);
  });

  it("matches the format's definition on random super-blocks", () => runCommonChecks("Q3_K", dequantizeQ3_K, 256, 110));
});
