import { describe, expect, it } from "vitest";
import { dequantizeMxfp4 } from "./dequantize-mxfp4.ts";

describe("dequantizeMxfp4", () => {
  it("decodes low nibble then high nibble as e2m1, times 2^(e − 127) of the block's E8M0 scale", () => {
    // block 0 scale 2^0, block 1 scale 2^-3; byte 0x9f: low 0xf = −6, high 0x9 = −0.5
    const bytes = new Uint8Array(32);
    bytes[0] = 0x9f;
    bytes[16] = 0x71; // low 1 = 0.5, high 7 = 6
    const out = new Float32Array(64);
    dequantizeMxfp4(bytes, 0, Uint8Array.of(127, 124), 0, out);
    expect([out[0], out[1], out[32], out[33]]).toEqual([-6, -0.5, 0.5 / 8, 6 / 8]);
    expect(out[2]).toBe(0);
  });

  it("gives NaN for E8M0's 255, and reaches 2^-127 for 0", () => {
    const out = new Float32Array(2);
    dequantizeMxfp4(Uint8Array.of(0x22), 0, Uint8Array.of(255), 0, out);
    expect(Number.isNaN(out[0])).toBe(true);
    dequantizeMxfp4(Uint8Array.of(0x22), 16, Uint8Array.of(0, 0), 0, out);
    expect(out[0]).toBe(2 ** -127);
  });
});
