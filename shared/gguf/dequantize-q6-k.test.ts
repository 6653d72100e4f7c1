import { describe, expect, it } from "vitest";
import { dequantizeQ6_K } from "./dequantize-q6-k.ts";
import { decodeBlocks, expectMatchesDefinition, runCommonChecks } from "../../test/helpers/dequantize-checks.ts";

describe("dequantizeQ6_K", () => {
  it("decodes a hand-made super-block: four 2-bit high planes per high byte, signed scales", () => {
    const block = new Uint8Array(210);
    block[0] = 0x21;
    block[128] = 0b1110_0100;
    block.set([0xfd, 7, 5, 0, 9, 0, 0, 0], 192); // scales −3, 7, 5, 0, 9, …
    block.set([0x00, 0x38], 208); // d = 0.5
    const values = decodeBlocks(dequantizeQ6_K, block, 256, 210);
    expect(values[0]).toBe(0.5 * -3 * (1 - 32));
    expect(values[32]).toBe(0.5 * 5 * (16 - 32));
    expect(values[64]).toBe(0.5 * 9 * (2 + 32 - 32));
    expect(values[96]).toBe(0);
    expect(values[16]).toBe(0.5 * 7 * -32);
  });

  it("sets every 2-bit high part of every value", () => {
    const specs = [1, 2, 3].flatMap((high) =>
      Array.from({ length: 8 }, (_, start) => ({
        type: "Q6_K" as const,
        d: -0.0625,
        scales: Array.from({ length: 16 }, (_, j) => (j * 37) % 256 - 128),
        q: Array.from({ length: 256 }, (_, i) => (i % 8 === start ? 16 * high + (i % 16) : i % 16) - 32),
      })),
    );
    expectMatchesDefinition(dequantizeQ6_K, specs, 256, 210);
  });

  it("handles the extreme scales −128 and 127 with the largest f16", () => {
    const q = Array.from({ length: 256 }, (_, i) => (i % 64) - 32);
    expectMatchesDefinition(
      dequantizeQ6_K,
      [
        { type: "Q6_K", d: 65504, scales: Array.from({ length: 16 }, (_, j) => (j % 2 ? 127 : -128)), q },
        { type: "Q6_K", d: 2 ** -24, scales: Array.from({ length: 16 }, (_, j) => (j % 2 ? -128 : 127)), q },
      ],
      256,
      210,
    );
  });

  it("matches the format's definition on random super-blocks", () => runCommonChecks("Q6_K", dequantizeQ6_K, 256, 210));
});
