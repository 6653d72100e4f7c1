import { describe, expect, it } from "vitest";
import { unpackKScales } from "./unpack-k-scales.ts";
import { packKScales } from "../../test/helpers/ggml-blocks.ts";

describe("unpackKScales", () => {
  it("unpacks a hand-made pattern (top bits of scales/mins 4–7 in bytes 0–7)", () => {
    const bytes = Uint8Array.from([0xc1, 2, 3, 4, 0x45, 6, 7, 8, 0x21, 0, 0, 0]);
    const scales = new Uint8Array(8);
    const mins = new Uint8Array(8);
    unpackKScales(bytes, 0, scales, mins);
    expect(Array.from(scales)).toEqual([1, 2, 3, 4, 49, 0, 0, 0]);
    expect(Array.from(mins)).toEqual([5, 6, 7, 8, 18, 0, 0, 0]);
  });

  it("recovers every 6-bit scale and min pattern at every position", () => {
    const scales = new Uint8Array(8);
    const mins = new Uint8Array(8);
    for (let position = 0; position < 8; position++) {
      for (let v = 0; v < 64; v++) {
        const s = Array.from({ length: 8 }, (_, j) => (j === position ? v : (v * 7 + j * 13) % 64));
        const m = Array.from({ length: 8 }, (_, j) => (j === position ? 63 - v : (v * 5 + j * 11) % 64));
        const packed = new Uint8Array(15);
        packed.set(packKScales(s, m), 3);
        unpackKScales(packed, 3, scales, mins);
        expect([Array.from(scales), Array.from(mins)]).toEqual([s, m]);
      }
    }
  });
});
