import { describe, expect, it } from "vitest";
import type { TensorInfo } from "../safetensors/types.ts";
import { quantizedReadBytes } from "./quantized-read-bytes.ts";
import { HELD_PACKED_BYTES } from "./quantized-row-readers.ts";

const part = (name: string, dtype: "I32" | "F16" | "F8_E4M3" | "F32", shape: number[], begin: number, size: number) => ({ name, dtype, shape, begin, end: begin + shape.reduce((p, d) => p * d, 1) * size });

describe("quantizedReadBytes", () => {
  // a 4096 × 14336 GPTQ int4 down_proj: 29 MiB of packed words, more than one pass holds
  const qweight = part("d.qweight", "I32", [1792, 4096], 0, 4);
  const qzeros = part("d.qzeros", "I32", [112, 512], qweight.end, 4);
  const scales = part("d.scales", "F16", [112, 4096], qzeros.end, 2);
  const gptq: TensorInfo = { name: "d.weight", dtype: "GPTQ_INT4", shape: [4096, 14336], begin: 0, end: scales.end, file: "m.safetensors", quantized: { scheme: "gptq", bits: 4, groupSize: 128, zeroOffset: 1, qweight, qzeros, scales, gIdx: null } };

  it("streams about all the packed words per pass for GPTQ, whatever the rows, holding at most a pass", () => {
    const whole = quantizedReadBytes(gptq, 0, 4096)!;
    const few = quantizedReadBytes(gptq, 100, 110)!;
    expect(whole.held).toBeLessThanOrEqual(HELD_PACKED_BYTES * 1.05);
    expect(whole.streamed).toBeGreaterThanOrEqual(2 * (qweight.end - qweight.begin));
    expect(few.streamed).toBe(scales.end);
    expect(few.held).toBeLessThan(10 * 14336);
  });

  it("streams a row range's share of a row-major FP8 weight", () => {
    const weight = part("o.weight", "F8_E4M3", [1024, 1024], 0, 1);
    const scale = part("o.weight_scale_inv", "F32", [8, 8], weight.end, 4);
    const fp8: TensorInfo = { name: "o.weight", dtype: "F8_E4M3_BLOCK", shape: [1024, 1024], begin: 0, end: scale.end, file: "m", quantized: { scheme: "fp8-block", blockRows: 128, blockCols: 128, weight, scale } };
    expect(quantizedReadBytes(fp8, 0, 512)!.streamed).toBe(512 * 1024 + 256);
    expect(quantizedReadBytes({ ...fp8, quantized: undefined }, 0, 1)).toBeNull();
  });
});
