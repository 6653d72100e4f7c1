import { describe, expect, it } from "vitest";
import { dequantizeQ8_0 } from "./dequantize-q8-0.ts";
import { decodeBlocks, runCommonChecks } from "../../test/helpers/dequantize-checks.ts";

describe("dequantizeQ8_0", () => {
  it("reads the quants as signed bytes: value q·d", () => {
    const block = new Uint8Array(34);
    block.set([0x00, 0xb0, 0x80, 0x7f, 0xff]); // d = −0.125; q = −128, 127, −1
    const values = decodeBlocks(dequantizeQ8_0, block, 32, 34);
    expect(values.slice(0, 4)).toEqual([16, -15.875, 0.125, -0]);
  });

  it("matches the format's definition on random blocks", () => runCommonChecks("Q8_0", dequantizeQ8_0, 32, 34));
});
