import { describe, expect, it } from "vitest";
import { wideIntegerToFloat32 } from "./wide-integer-to-float32.ts";

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
