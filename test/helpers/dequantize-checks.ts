/**
 * Checks shared by the dequantizer tests (imported by *.test.ts only): random blocks over the whole
 * range of scales and quants, several blocks in one call, a view at an odd byte offset, and
 * partial blocks refused.
 */
import { expect } from "vitest";
import { blockValues, encodeBlock, randomBlockSpec, type BlockSpec } from "./ggml-blocks.ts";
import { seededRandom } from "./seeded-random.ts";

type Dequantizer = (bytes: Uint8Array, out: Float32Array) => number;

/** Decodes `bytes` and returns the values as numbers. */
export function decodeBlocks(dequantize: Dequantizer, bytes: Uint8Array, valuesPerBlock: number, bytesPerBlock: number): number[] {
  const out = new Float32Array((bytes.byteLength / bytesPerBlock) * valuesPerBlock);
  expect(dequantize(bytes, out)).toBe(out.length);
  return Array.from(out);
}

/** Values of the blocks by the format's definition (float32 at each step), for blocks encoded from the layout. */
export function expectMatchesDefinition(dequantize: Dequantizer, specs: BlockSpec[], valuesPerBlock: number, bytesPerBlock: number): void {
  const bytes = new Uint8Array(specs.length * bytesPerBlock);
  specs.forEach((spec, i) => bytes.set(encodeBlock(spec), i * bytesPerBlock));
  const got = decodeBlocks(dequantize, bytes, valuesPerBlock, bytesPerBlock);
  const expected = specs.flatMap(blockValues);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(got[i], expected[i])) expect({ value: i, got: got[i] }).toEqual({ value: i, got: expected[i] });
  }
}

/** The generic checks every dequantizer must pass. */
export function runCommonChecks(type: BlockSpec["type"], dequantize: Dequantizer, valuesPerBlock: number, bytesPerBlock: number): void {
  const random = seededRandom(type.charCodeAt(1) * 131 + type.charCodeAt(3));
  // 200 random blocks, decoded in one call
  expectMatchesDefinition(dequantize, Array.from({ length: 200 }, () => randomBlockSpec(type, random)), valuesPerBlock, bytesPerBlock);
  // a view at an odd offset into a larger buffer decodes the same
  const spec = randomBlockSpec(type, random);
  const backing = new Uint8Array(bytesPerBlock + 3);
  backing.set(encodeBlock(spec), 3);
  expect(decodeBlocks(dequantize, backing.subarray(3), valuesPerBlock, bytesPerBlock)).toEqual(blockValues(spec));
  // partial blocks and short outputs are refused
  expect(() => dequantize(new Uint8Array(bytesPerBlock + 1), new Float32Array(2 * valuesPerBlock))).toThrow(RangeError);
  expect(() => dequantize(new Uint8Array(bytesPerBlock), new Float32Array(valuesPerBlock - 1))).toThrow(RangeError);
  expect(dequantize(new Uint8Array(0), new Float32Array(0))).toBe(0);
}
