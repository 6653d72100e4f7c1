import { describe, expect, it } from "vitest";
import { memoryByteSource } from "../safetensors/memory-byte-source.ts";
import type { TensorInfo } from "../safetensors/types.ts";
import { biasDistance } from "./bias-distance.ts";

const bias = (values: number[], file: string): [TensorInfo, Uint8Array] => {
  const bytes = new Uint8Array(Float32Array.from(values).buffer);
  return [{ name: "a.bias", dtype: "F32", shape: [values.length], begin: 0, end: bytes.length, file }, bytes];
};

describe("biasDistance", () => {
  const [b, bytes] = bias([1, 2, 3], "m");
  const [bb, baseBytes] = bias([1, 0, -1], "b");
  const open = () => memoryByteSource("m", bytes);
  const openBase = () => memoryByteSource("b", baseBytes);
  const weight = b; // unused by biasDistance

  it("is ‖b − b_base‖ when both have the bias, as long", async () => {
    expect(await biasDistance({ tensor: weight, bias: b, baseBias: bb }, open, openBase)).toBeCloseTo(Math.sqrt(0 + 4 + 16), 14);
  });
  it("is 0 when either lacks it or their lengths differ, as the reference answers", async () => {
    expect(await biasDistance({ tensor: weight, bias: b, baseBias: null }, open, openBase)).toBe(0);
    expect(await biasDistance({ tensor: weight, bias: null, baseBias: bb }, open, openBase)).toBe(0);
    const [longer] = bias([1, 2, 3, 4], "b");
    expect(await biasDistance({ tensor: weight, bias: b, baseBias: longer }, open, openBase)).toBe(0);
  });
});
