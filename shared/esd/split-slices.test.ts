import { describe, expect, it } from "vitest";
import { splitSlices } from "./split-slices.ts";

describe("splitSlices", () => {
  it("sends value i of the run to slice (phase + i − from) mod rf, appending at each slice's cursor", () => {
    const values = Float32Array.from({ length: 20 }, (_, k) => k);
    const out = [new Float32Array(8), new Float32Array(8), new Float32Array(8)];
    const at = [1, 1, 0];
    // values[2, 13) continue a stream whose next value belongs to slice 2
    splitSlices(values, 2, 13, 2, 1, out, at);
    expect(at).toEqual([5, 4, 4]);
    expect([...out[2].subarray(0, 4)]).toEqual([2, 5, 8, 11]);
    expect([...out[0].subarray(1, 5)]).toEqual([3, 6, 9, 12]);
    expect([...out[1].subarray(1, 5)]).toEqual([4, 7, 10, 0]);
    expect([out[0][0], out[1][0]]).toEqual([0, 0]); // before the cursors: untouched
  });

  it("splits a whole run from phase 0 into equal slices, and a continuation picks up where it stopped", () => {
    const rf = 4;
    const values = Float32Array.from({ length: 40 }, (_, k) => k * 0.5);
    const whole = Array.from({ length: rf }, () => new Float32Array(10));
    splitSlices(values, 0, 40, 0, 1, whole, new Array<number>(rf).fill(0));
    const pieces = Array.from({ length: rf }, () => new Float32Array(10));
    const at = new Array<number>(rf).fill(0);
    for (const [from, to] of [[0, 7], [7, 8], [8, 8], [8, 31], [31, 40]]) splitSlices(values, from, to, from % rf, 1, pieces, at);
    expect(at).toEqual([10, 10, 10, 10]);
    for (let s = 0; s < rf; s++) {
      expect([...whole[s]]).toEqual(Array.from({ length: 10 }, (_, q) => values[q * rf + s]));
      expect(pieces[s]).toEqual(whole[s]);
    }
  });

  it("scales in float32 (the product rounded once), and leaves values as they are for scale 1", () => {
    const values = Float32Array.from([0.1, 0.2, 0.3, 0.7, 1e-30, 3.4e38]);
    const scale = Math.fround(1.7);
    const out = [new Float32Array(3), new Float32Array(3)];
    splitSlices(values, 0, 6, 0, scale, out, [0, 0]);
    expect([...out[0]]).toEqual([values[0], values[2], values[4]].map((v) => Math.fround(v * scale)));
    expect([...out[1]]).toEqual([values[1], values[3], values[5]].map((v) => Math.fround(v * scale)));
    const same = [new Float32Array(6)];
    splitSlices(values, 0, 6, 0, 1, same, [0]);
    expect(same[0]).toEqual(values);
  });
});
