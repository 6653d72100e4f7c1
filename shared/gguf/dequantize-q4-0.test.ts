import { describe, expect, it } from "vitest";
import { dequantizeQ4_0 } from "./dequantize-q4-0.ts";
import { decodeBlocks, runCommonChecks } from "../../test/helpers/dequantize-checks.ts";

describe("dequantizeQ4_0", () => {
  it("decodes a hand-made block: low nibbles are values 0–15, high nibbles 16–31, value (q − 8)·d", () => {
    const block = new Uint8Array(18);
    block.set([0x00, 0x38]); // d = 0.5
    block[2] = 0x9f;
    const values = decodeBlocks(dequantizeQ4_0, block, 32, 18);
    expect(values[0]).toBe(3.5);
    expect(values[16]).toBe(0.5);
    expect(values[1]).toBe(-4);
    expect(values[31]).toBe(-4);
  });

  it("matches the format's definition on random blocks (all scales, all quants)", () => runCommonChecks("Q4_0", dequantizeQ4_0, 32, 18));
});
