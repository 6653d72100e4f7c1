import { describe, expect, it } from "vitest";
import { decodeValues } from "./decode-values.ts";
import type { Dtype } from "./types.ts";

/** Little-endian bytes from unsigned words of `size` bytes each. */
function words(size: number, values: (number | bigint)[]): Uint8Array {
  const bytes = new Uint8Array(size * values.length);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => {
    if (size === 8) view.setBigUint64(8 * i, BigInt.asUintN(64, BigInt(v)), true);
    else if (size === 4) view.setUint32(4 * i, Number(v) >>> 0, true);
    else if (size === 2) view.setUint16(2 * i, Number(v), true);
    else view.setUint8(i, Number(v));
  });
  return bytes;
}

function decode(dtype: Dtype, bytes: Uint8Array): number[] {
  const out = new Float32Array(bytes.byteLength);
  const n = decodeValues(dtype, bytes, out);
  return Array.from(out.subarray(0, n));
}

const F64 = (values: number[]) => new Uint8Array(new Float64Array(values).buffer);

describe("decodeValues (as torch's .float())", () => {
  it("F32 from bit patterns: subnormal, max, -0, Inf, NaN", () => {
    const out = decode("F32", words(4, [0x3f800000, 0x00000001, 0x7f7fffff, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000]));
    expect(out.slice(0, 6)).toEqual([1, 1.401298464324817e-45, 3.4028234663852886e38, -0, Infinity, -Infinity]);
    expect(Object.is(out[3], -0)).toBe(true);
    expect(out[6]).toBeNaN();
  });

  it("F64 rounds to the nearest float32, ties to even, overflow to Inf", () => {
    const out = decode("F64", F64([0.1, 1 + 2 ** -24, 1 + 3 * 2 ** -24, 2 ** -149, 2 ** -151, 1e300, -1e300, -0]));
    expect(out).toEqual([0.10000000149011612, 1, 1 + 2 ** -22, 2 ** -149, 0, Infinity, -Infinity, -0]);
  });

  it("F16 and BF16 from bit patterns", () => {
    expect(decode("F16", words(2, [0x3c00, 0x0001, 0x7bff, 0x8000, 0xfc00]))).toEqual([1, 2 ** -24, 65504, -0, -Infinity]);
    expect(decode("F16", words(2, [0x7e00]))[0]).toBeNaN();
    expect(decode("BF16", words(2, [0x3f80, 0xc049, 0x7f7f, 0x0001, 0x8000, 0x7f80]))).toEqual([
      1,
      -3.140625,
      3.3895313892515355e38,
      2 ** -133,
      -0,
      Infinity,
    ]);
    expect(decode("BF16", words(2, [0x7fc0]))[0]).toBeNaN();
  });

  it("F8 E4M3 (fn) and E5M2", () => {
    expect(decode("F8_E4M3", words(1, [0x38, 0x01, 0x7e, 0xfe, 0x80]))).toEqual([1, 2 ** -9, 448, -448, -0]);
    expect(decode("F8_E4M3", words(1, [0x7f, 0xff])).every(Number.isNaN)).toBe(true);
    expect(decode("F8_E5M2", words(1, [0x3c, 0x01, 0x7b, 0x7c, 0xfc]))).toEqual([1, 2 ** -16, 57344, Infinity, -Infinity]);
    expect(decode("F8_E5M2", words(1, [0x7f]))[0]).toBeNaN();
  });

  it("integers to the nearest float32", () => {
    expect(decode("I64", words(8, [-1n, 2n ** 62n + 2n ** 38n + 1n, -(2n ** 63n)]))).toEqual([-1, 2 ** 62 + 2 ** 39, -(2 ** 63)]);
    expect(decode("U64", words(8, [2n ** 64n - 1n]))).toEqual([2 ** 64]);
    expect(decode("I32", words(4, [-1, 16777217, 2 ** 31 - 1, -(2 ** 31)]))).toEqual([-1, 16777216, 2 ** 31, -(2 ** 31)]);
    expect(decode("U32", words(4, [2 ** 32 - 1]))).toEqual([2 ** 32]);
    expect(decode("I16", words(2, [0x8000, 0x7fff, 0xffff]))).toEqual([-32768, 32767, -1]);
    expect(decode("U16", words(2, [0xffff]))).toEqual([65535]);
    expect(decode("I8", words(1, [0x80, 0x7f, 0xff]))).toEqual([-128, 127, -1]);
    expect(decode("U8", words(1, [0, 255]))).toEqual([0, 255]);
    expect(decode("BOOL", words(1, [0, 1]))).toEqual([0, 1]);
  });

  it("reads from a view at any byte offset", () => {
    const backing = new Uint8Array(1 + 8);
    backing.set(words(4, [0x3f800000, 0x40000000]), 1);
    expect(decode("F32", backing.subarray(1))).toEqual([1, 2]);
    const odd = new Uint8Array(3);
    odd.set(words(2, [0x3f80]), 1);
    expect(decode("BF16", odd.subarray(1))).toEqual([1]);
  });

  it("rejects partial values and a short output", () => {
    expect(() => decodeValues("F32", new Uint8Array(6), new Float32Array(2))).toThrow(RangeError);
    expect(() => decodeValues("F32", new Uint8Array(8), new Float32Array(1))).toThrow(RangeError);
  });
});
