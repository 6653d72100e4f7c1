import { describe, expect, it } from "vitest";
import { dequantizeQ4_K } from "./dequantize-q4-k.ts";
import { decodeBlocks, expectMatchesDefinition, runCommonChecks } from "../../test/helpers/dequantize-checks.ts";

const ramp = (n: number, mod: number) => Array.from({ length: n }, (_, i) => (i * 7 + 3) % mod);

describe("dequantizeQ4_K", () => {
  it("decodes a hand-made super-block: sub-blocks 2g and 2g + 1 share quant bytes 32g…", () => {
    const block = new Uint8Array(144);
    block.set([0x00, 0x3c, 0x00, 0x38]); // d = 1, dmin = 0.5
    block.set([0xc1, 2, 3, 4, 0x45, 6, 7, 8, 0x21, 0, 0, 0], 4); // scale/min 0: 1/5, 1: 2/6, 4: 49/18, 5: 0/0
    block[16] = 0x3a;
    block[16 + 64] = 0x07;
    const values = decodeBlocks(dequantizeQ4_K, block, 256, 144);
    expect(values[0]).toBe(1 * 10 - 0.5 * 5);
    expect(values[32]).toBe(2 * 3 - 0.5 * 6);
    expect(values[128]).toBe(49 * 7 - 0.5 * 18);
    expect(values[160]).toBe(0);
    expect(values[1]).toBe(-2.5);
  });

  it("decodes every 6-bit scale and min at every sub-block position", () => {
    const specs = [];
    for (let position = 0; position < 8; position++) {
      for (let v = 0; v < 64; v++) {
        specs.push({
          type: "Q4_K" as const,
          d: 0.0078125,
          dmin: -0.001953125, // a negative super-block min scale: values shift up
          scales: Array.from({ length: 8 }, (_, j) => (j === position ? v : (v + 9 * j) % 64)),
          mins: Array.from({ length: 8 }, (_, j) => (j === position ? 63 - v : (3 * v + j) % 64)),
          q: ramp(256, 16),
        });
      }
    }
    expectMatchesDefinition(dequantizeQ4_K, specs, 256, 144);
  });

  it("handles extreme scales: the largest and smallest f16, subnormal mins, zero", () => {
    const base = { type: "Q4_K" as const, scales: [63, 1, 0, 63, 32, 17, 5, 63], mins: [63, 0, 1, 63, 2, 40, 63, 9], q: ramp(256, 16) };
    expectMatchesDefinition(
      dequantizeQ4_K,
      [
        { ...base, d: 65504, dmin: 65504 },
        { ...base, d: 2 ** -24, dmin: 2 ** -24 },
        { ...base, d: 6.103515625e-5, dmin: -65504 },
        { ...base, d: 0, dmin: 0 },
      ],
      256,
      144,
    );
  });

  it("matches the format's definition on random super-blocks", () => runCommonChecks("Q4_K", dequantizeQ4_K, 256, 144));
});
