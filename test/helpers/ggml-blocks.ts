/**
 * Encoders of single ggml quantization blocks for tests, written from the block layouts of
 * llama.cpp's ggml-common.h (the inverse direction of heavytail's dequantizers, so a round trip
 * checks both against the layout): each takes the block's scales and integer quants and returns
 * its bytes. `blockValues` gives the values the format defines for the same integers, computed in
 * float32 arithmetic step by step as the reference's C code does.
 */
import { floatToHalfBits } from "./write-safetensors.ts";

const f = Math.fround;

function half(bytes: Uint8Array, at: number, value: number): void {
  const bits = floatToHalfBits(value);
  if (!Object.is(halfValue(bits), value)) throw new RangeError(`${value} is not exactly an f16 value`);
  bytes[at] = bits & 255;
  bytes[at + 1] = bits >> 8;
}

function check(name: string, values: readonly number[], length: number, min: number, max: number): void {
  if (values.length !== length || !values.every((v) => Number.isInteger(v) && v >= min && v <= max)) {
    throw new RangeError(`${name}: expected ${length} integers in ${min}..${max}`);
  }
}

/** d: f16 scale (must be exactly an f16 value); q: 32 quants 0..15 (value (q − 8)·d). */
export function encodeQ4_0(d: number, q: readonly number[]): Uint8Array {
  check("q", q, 32, 0, 15);
  const b = new Uint8Array(18);
  half(b, 0, d);
  for (let j = 0; j < 16; j++) b[2 + j] = q[j] | (q[j + 16] << 4);
  return b;
}

/** value q·d + m, q 0..15 */
export function encodeQ4_1(d: number, m: number, q: readonly number[]): Uint8Array {
  check("q", q, 32, 0, 15);
  const b = new Uint8Array(20);
  half(b, 0, d);
  half(b, 2, m);
  for (let j = 0; j < 16; j++) b[4 + j] = q[j] | (q[j + 16] << 4);
  return b;
}

function fifthBits(q: readonly number[]): number {
  let word = 0;
  for (let j = 0; j < 32; j++) if (q[j] & 16) word |= 1 << j;
  return word >>> 0;
}

/** value (q − 16)·d, q 0..31 */
export function encodeQ5_0(d: number, q: readonly number[]): Uint8Array {
  check("q", q, 32, 0, 31);
  const b = new Uint8Array(22);
  half(b, 0, d);
  new DataView(b.buffer).setUint32(2, fifthBits(q), true);
  for (let j = 0; j < 16; j++) b[6 + j] = (q[j] & 15) | ((q[j + 16] & 15) << 4);
  return b;
}

/** value q·d + m, q 0..31 */
export function encodeQ5_1(d: number, m: number, q: readonly number[]): Uint8Array {
  check("q", q, 32, 0, 31);
  const b = new Uint8Array(24);
  half(b, 0, d);
  half(b, 2, m);
  new DataView(b.buffer).setUint32(4, fifthBits(q), true);
  for (let j = 0; j < 16; j++) b[8 + j] = (q[j] & 15) | ((q[j + 16] & 15) << 4);
  return b;
}

/** value q·d, q −128..127 */
export function encodeQ8_0(d: number, q: readonly number[]): Uint8Array {
  check("q", q, 32, -128, 127);
  const b = new Uint8Array(34);
  half(b, 0, d);
  for (let j = 0; j < 32; j++) b[2 + j] = q[j] & 255;
  return b;
}

/** Position of value i (0..255) in the "two halves of 128, four 2-bit planes of 32" order of Q2_K/Q3_K/Q6_K. */
function planePosition(i: number): { h: number; k: number; l: number } {
  return { h: i >> 7, k: (i >> 5) & 3, l: i & 31 };
}

/** 16 scales 0..15 and mins 0..15 (one per 16 values), q 0..3: value (d·scale)·q − dmin·min */
export function encodeQ2_K(d: number, dmin: number, scales: readonly number[], mins: readonly number[], q: readonly number[]): Uint8Array {
  check("scales", scales, 16, 0, 15);
  check("mins", mins, 16, 0, 15);
  check("q", q, 256, 0, 3);
  const b = new Uint8Array(84);
  for (let j = 0; j < 16; j++) b[j] = scales[j] | (mins[j] << 4);
  for (let i = 0; i < 256; i++) {
    const { h, k, l } = planePosition(i);
    b[16 + 32 * h + l] |= q[i] << (2 * k);
  }
  half(b, 80, d);
  half(b, 82, dmin);
  return b;
}

/** 16 scales −32..31, q −4..3: value (d·scale)·q */
export function encodeQ3_K(d: number, scales: readonly number[], q: readonly number[]): Uint8Array {
  check("scales", scales, 16, -32, 31);
  check("q", q, 256, -4, 3);
  const b = new Uint8Array(110);
  for (let i = 0; i < 256; i++) {
    const { h, k, l } = planePosition(i);
    const stored = q[i] + 4; // 0..7: the high bit set means "do not subtract 4"
    b[32 + 32 * h + l] |= (stored & 3) << (2 * k);
    if (stored & 4) b[l] |= 1 << (4 * h + k);
  }
  for (let j = 0; j < 16; j++) {
    const s = scales[j] + 32;
    if (j < 8) b[96 + j] |= s & 15;
    else b[96 + j - 8] |= (s & 15) << 4;
    b[96 + 8 + (j % 4)] |= (s >> 4) << (2 * Math.floor(j / 4));
  }
  half(b, 108, d);
  return b;
}

/** The 12 bytes of eight 6-bit scales and mins, as Q4_K and Q5_K pack them. */
export function packKScales(scales: readonly number[], mins: readonly number[]): Uint8Array {
  check("scales", scales, 8, 0, 63);
  check("mins", mins, 8, 0, 63);
  const b = new Uint8Array(12);
  for (let j = 0; j < 4; j++) {
    b[j] = scales[j] | ((scales[j + 4] >> 4) << 6);
    b[j + 4] = mins[j] | ((mins[j + 4] >> 4) << 6);
    b[j + 8] = (scales[j + 4] & 15) | ((mins[j + 4] & 15) << 4);
  }
  return b;
}

/** 8 scales and mins 0..63 (one per 32 values), q 0..15: value (d·scale)·q − dmin·min */
export function encodeQ4_K(d: number, dmin: number, scales: readonly number[], mins: readonly number[], q: readonly number[]): Uint8Array {
  check("q", q, 256, 0, 15);
  const b = new Uint8Array(144);
  half(b, 0, d);
  half(b, 2, dmin);
  b.set(packKScales(scales, mins), 4);
  for (let i = 0; i < 256; i++) {
    const g = i >> 6;
    const within = i & 63;
    b[16 + 32 * g + (within & 31)] |= within < 32 ? q[i] : q[i] << 4;
  }
  return b;
}

/** as Q4_K with q 0..31 */
export function encodeQ5_K(d: number, dmin: number, scales: readonly number[], mins: readonly number[], q: readonly number[]): Uint8Array {
  check("q", q, 256, 0, 31);
  const b = new Uint8Array(176);
  half(b, 0, d);
  half(b, 2, dmin);
  b.set(packKScales(scales, mins), 4);
  for (let i = 0; i < 256; i++) {
    const g = i >> 6;
    const within = i & 63;
    const l = within & 31;
    b[48 + 32 * g + l] |= within < 32 ? q[i] & 15 : (q[i] & 15) << 4;
    if (q[i] & 16) b[16 + l] |= 1 << (2 * g + (within < 32 ? 0 : 1));
  }
  return b;
}

/** 16 scales −128..127, q −32..31: value (d·scale)·q */
export function encodeQ6_K(d: number, scales: readonly number[], q: readonly number[]): Uint8Array {
  check("scales", scales, 16, -128, 127);
  check("q", q, 256, -32, 31);
  const b = new Uint8Array(210);
  for (let i = 0; i < 256; i++) {
    const { h, k, l } = planePosition(i);
    const stored = q[i] + 32; // 0..63
    const low = 64 * h + l + (k & 1 ? 32 : 0);
    b[low] |= k >= 2 ? (stored & 15) << 4 : stored & 15;
    b[128 + 32 * h + l] |= (stored >> 4) << (2 * k);
  }
  for (let j = 0; j < 16; j++) b[192 + j] = scales[j] & 255;
  half(b, 208, d);
  return b;
}

/** One block's parameters, for `blockValues`. */
export type BlockSpec =
  | { type: "Q4_0" | "Q5_0" | "Q8_0"; d: number; q: number[] }
  | { type: "Q4_1" | "Q5_1"; d: number; m: number; q: number[] }
  | { type: "Q2_K" | "Q4_K" | "Q5_K"; d: number; dmin: number; scales: number[]; mins: number[]; q: number[] }
  | { type: "Q3_K" | "Q6_K"; d: number; scales: number[]; q: number[] };

/** The block's bytes. */
export function encodeBlock(spec: BlockSpec): Uint8Array {
  switch (spec.type) {
    case "Q4_0":
      return encodeQ4_0(spec.d, spec.q);
    case "Q5_0":
      return encodeQ5_0(spec.d, spec.q);
    case "Q8_0":
      return encodeQ8_0(spec.d, spec.q);
    case "Q4_1":
      return encodeQ4_1(spec.d, spec.m, spec.q);
    case "Q5_1":
      return encodeQ5_1(spec.d, spec.m, spec.q);
    case "Q2_K":
      return encodeQ2_K(spec.d, spec.dmin, spec.scales, spec.mins, spec.q);
    case "Q4_K":
      return encodeQ4_K(spec.d, spec.dmin, spec.scales, spec.mins, spec.q);
    case "Q5_K":
      return encodeQ5_K(spec.d, spec.dmin, spec.scales, spec.mins, spec.q);
    case "Q3_K":
      return encodeQ3_K(spec.d, spec.scales, spec.q);
    case "Q6_K":
      return encodeQ6_K(spec.d, spec.scales, spec.q);
  }
}

/** The block's values by the format's definition, each C float operation rounded to float32. */
export function blockValues(spec: BlockSpec): number[] {
  const d = f(spec.d);
  switch (spec.type) {
    case "Q4_0":
      return spec.q.map((q) => f((q - 8) * d));
    case "Q5_0":
      return spec.q.map((q) => f((q - 16) * d));
    case "Q8_0":
      return spec.q.map((q) => f(q * d));
    case "Q4_1":
    case "Q5_1":
      return spec.q.map((q) => f(f(q * d) + f(spec.m)));
    case "Q2_K":
      return spec.q.map((q, i) => f(f(f(d * spec.scales[i >> 4]) * q) - f(f(spec.dmin) * spec.mins[i >> 4])));
    case "Q4_K":
    case "Q5_K":
      return spec.q.map((q, i) => f(f(f(d * spec.scales[i >> 5]) * q) - f(f(spec.dmin) * spec.mins[i >> 5])));
    case "Q3_K":
    case "Q6_K":
      return spec.q.map((q, i) => f(f(d * spec.scales[i >> 4]) * q));
  }
}

/** A random finite f16 value (any exponent, subnormals included), from 16 random bits. */
export function randomHalf(random: () => number): number {
  for (;;) {
    const bits = Math.floor(random() * 65536);
    if (((bits >> 10) & 31) !== 31) return halfValue(bits);
  }
}

function halfValue(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 31;
  const mantissa = bits & 1023;
  return exponent === 0 ? sign * mantissa * 2 ** -24 : sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

const ints = (random: () => number, n: number, min: number, max: number) =>
  Array.from({ length: n }, () => min + Math.floor(random() * (max - min + 1)));

/** A block of `type` with random f16 scales and random quants over their whole ranges. */
export function randomBlockSpec(type: BlockSpec["type"], random: () => number): BlockSpec {
  const d = randomHalf(random);
  switch (type) {
    case "Q4_0":
      return { type, d, q: ints(random, 32, 0, 15) };
    case "Q5_0":
      return { type, d, q: ints(random, 32, 0, 31) };
    case "Q8_0":
      return { type, d, q: ints(random, 32, -128, 127) };
    case "Q4_1":
      return { type, d, m: randomHalf(random), q: ints(random, 32, 0, 15) };
    case "Q5_1":
      return { type, d, m: randomHalf(random), q: ints(random, 32, 0, 31) };
    case "Q2_K":
      return { type, d, dmin: randomHalf(random), scales: ints(random, 16, 0, 15), mins: ints(random, 16, 0, 15), q: ints(random, 256, 0, 3) };
    case "Q4_K":
      return { type, d, dmin: randomHalf(random), scales: ints(random, 8, 0, 63), mins: ints(random, 8, 0, 63), q: ints(random, 256, 0, 15) };
    case "Q5_K":
      return { type, d, dmin: randomHalf(random), scales: ints(random, 8, 0, 63), mins: ints(random, 8, 0, 63), q: ints(random, 256, 0, 31) };
    case "Q3_K":
      return { type, d, scales: ints(random, 16, -32, 31), q: ints(random, 256, -4, 3) };
    case "Q6_K":
      return { type, d, scales: ints(random, 16, -128, 127), q: ints(random, 256, -32, 31) };
  }
}
