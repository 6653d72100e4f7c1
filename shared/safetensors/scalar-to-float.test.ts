import { describe, expect, it } from "vitest";
import { halfToFloat, float8E4m3fnToFloat, float8E5m2ToFloat, wideIntegerToFloat32 } from "./scalar-to-float.ts";

describe("halfToFloat", () => {
  it.each([
    [0x0000, 0],
    [0x3c00, 1],
    [0xc000, -2],
    [0x3555, 0.333251953125],
    [0x7bff, 65504],
    [0xfbff, -65504],
    [0x0400, 2 ** -14],
    [0x0001, 2 ** -24],
    [0x03ff, 1023 * 2 ** -24],
    [0x8001, -(2 ** -24)],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ])("0x%s", (bits, value) => {
    expect(halfToFloat(bits)).toBe(value);
  });

  it("keeps the sign of zero and decodes every NaN pattern as NaN", () => {
    expect(Object.is(halfToFloat(0x8000), -0)).toBe(true);
    for (const bits of [0x7c01, 0x7e00, 0x7fff, 0xfe00]) expect(halfToFloat(bits)).toBeNaN();
  });
});

describe("float8E4m3fnToFloat", () => {
  it.each([
    [0x00, 0],
    [0x38, 1],
    [0xb8, -1],
    [0x3c, 1.5],
    [0x01, 2 ** -9],
    [0x07, 7 * 2 ** -9],
    [0x08, 2 ** -6],
    [0x78, 256],
    [0x7e, 448],
    [0xfe, -448],
  ])("0x%s", (byte, value) => {
    expect(float8E4m3fnToFloat(byte)).toBe(value);
  });

  it("has no infinities: only 0x7f and 0xff are NaN, and -0 keeps its sign", () => {
    expect(float8E4m3fnToFloat(0x7f)).toBeNaN();
    expect(float8E4m3fnToFloat(0xff)).toBeNaN();
    expect(Object.is(float8E4m3fnToFloat(0x80), -0)).toBe(true);
    const finite = Array.from({ length: 256 }, (_, b) => float8E4m3fnToFloat(b)).filter(Number.isFinite);
    expect(finite).toHaveLength(254);
  });
});

describe("float8E5m2ToFloat", () => {
  it.each([
    [0x00, 0],
    [0x3c, 1],
    [0xc0, -2],
    [0x3e, 1.5],
    [0x01, 2 ** -16],
    [0x03, 3 * 2 ** -16],
    [0x04, 2 ** -14],
    [0x7b, 57344],
    [0xfb, -57344],
    [0x7c, Infinity],
    [0xfc, -Infinity],
  ])("0x%s", (byte, value) => {
    expect(float8E5m2ToFloat(byte)).toBe(value);
  });

  it("decodes e = 31 with a mantissa as NaN and keeps -0", () => {
    for (const byte of [0x7d, 0x7e, 0x7f, 0xfd, 0xff]) expect(float8E5m2ToFloat(byte)).toBeNaN();
    expect(Object.is(float8E5m2ToFloat(0x80), -0)).toBe(true);
  });
});

function split(value: bigint, signed: boolean): [number, number] {
  const bits = BigInt.asUintN(64, value);
  const hi = Number(bits >> 32n);
  return [signed ? hi | 0 : hi, Number(bits & 0xffffffffn)];
}

describe("wideIntegerToFloat32", () => {
  it.each([
    [0n, 0],
    [-1n, -1],
    [16777217n, 16777216], // tie: to even
    [16777219n, 16777220], // tie: to even
    [2n ** 53n + 1n, 2 ** 53],
    [-(2n ** 63n), -(2 ** 63)],
    [2n ** 63n - 1n, 2 ** 63],
  ])("int64 %s", (value, expected) => {
    expect(wideIntegerToFloat32(...split(value, true))).toBe(expected);
  });

  it("rounds once, where a detour through float64 would round twice", () => {
    // 2^62 + 2^38 + 1 is just above the midpoint between two float32 neighbours; float64 drops
    // the +1, lands exactly on the midpoint, and ties-to-even then goes down to 2^62
    const value = 2n ** 62n + 2n ** 38n + 1n;
    expect(Math.fround(Number(value))).toBe(2 ** 62);
    expect(wideIntegerToFloat32(...split(value, true))).toBe(2 ** 62 + 2 ** 39);
    expect(wideIntegerToFloat32(...split(-value, true))).toBe(-(2 ** 62 + 2 ** 39));
    expect(wideIntegerToFloat32(...split(2n ** 62n + 2n ** 38n, true))).toBe(2 ** 62);
  });

  it("reads the upper word as unsigned for uint64", () => {
    expect(wideIntegerToFloat32(...split(2n ** 64n - 1n, false))).toBe(2 ** 64);
    expect(wideIntegerToFloat32(...split(2n ** 63n, false))).toBe(2 ** 63);
  });
});

describe("wideIntegerToFloat32 against exact BigInt rounding", () => {
  function exact(value: bigint): number {
    const magnitude = value < 0n ? -value : value;
    const length = magnitude.toString(2).length;
    if (length <= 24) return Number(value);
    const shift = BigInt(length - 24);
    let mantissa = magnitude >> shift;
    const remainder = magnitude - (mantissa << shift);
    const half = 1n << (shift - 1n);
    if (remainder > half || (remainder === half && (mantissa & 1n) === 1n)) mantissa += 1n;
    const rounded = Number(mantissa) * 2 ** Number(shift);
    return value < 0n ? -rounded : rounded;
  }

  it("agrees on midpoints, near-midpoints and random values of every magnitude", () => {
    let state = 0x9e3779b97f4a7c15n;
    const next = () => (state = (state * 6364136223846793005n + 1442695040888963407n) & (2n ** 64n - 1n));
    const values: bigint[] = [];
    for (let bits = 20; bits <= 63; bits++) {
      const top = 2n ** BigInt(bits);
      const ulp = bits >= 24 ? 2n ** BigInt(bits - 23) : 1n;
      for (const delta of [0n, 1n, ulp / 2n - 1n, ulp / 2n, ulp / 2n + 1n, ulp + ulp / 2n]) values.push(top + delta, top + ulp + delta);
      for (let i = 0; i < 20; i++) values.push(next() % top);
    }
    for (const value of values) {
      for (const v of [value, -value]) {
        if (v < -(2n ** 63n) || v >= 2n ** 63n) continue;
        expect(wideIntegerToFloat32(...split(v, true)), `int64 ${v}`).toBe(exact(v));
      }
      const u = value * 2n;
      if (u >= 2n ** 64n) continue;
      expect(wideIntegerToFloat32(...split(u, false)), `uint64 ${u}`).toBe(exact(u));
    }
  });
});
