import { describe, expect, it } from "vitest";
import type { LayerPlan } from "../plan/types.ts";
import { layerMemoryBytes } from "./layer-memory-bytes.ts";

const MIB = 2 ** 20;
const dense = (rows: number, cols: number): LayerPlan => ({
  layer_id: 0, name: "l", layer_type: "dense", rows, cols, rf: 1, N: Math.max(rows, cols), M: Math.min(rows, cols), scale: 1,
  tensor: { name: "l.weight", dtype: "F32", shape: [rows, cols], begin: 0, end: 4 * rows * cols, file: "m.safetensors" },
});
const held = { randomize: false, holdValuesBytes: 256 * MIB };

describe("layerMemoryBytes", () => {
  it("stays above the peak RSS growth measured per layer on the WASM engine", () => {
    expect(layerMemoryBytes(dense(4096, 4096), held) / MIB).toBeGreaterThan(271);
    expect(layerMemoryBytes(dense(2048, 2048), held) / MIB).toBeGreaterThan(77);
    expect(layerMemoryBytes(dense(768, 3072), held) / MIB).toBeGreaterThan(80);
    expect(layerMemoryBytes(dense(3072, 768), held) / MIB).toBeGreaterThan(31);
    expect(layerMemoryBytes(dense(1024, 1024), { ...held, randomize: true }) / MIB).toBeGreaterThan(30);
  });

  it("counts the values only when they are held: under holdValuesBytes, or always when randomizing", () => {
    const big = dense(32000, 4096);
    const streamed = layerMemoryBytes(big, held);
    expect(layerMemoryBytes(big, { ...held, randomize: true }) - streamed).toBe(4 * 32000 * 4096);
    expect(layerMemoryBytes(dense(4096, 4096), { ...held, holdValuesBytes: 0 })).toBe(layerMemoryBytes(dense(4096, 4096), held) - 4 * 4096 * 4096);
  });

  it("grows with the Gram's order squared and the slices", () => {
    const conv: LayerPlan = { ...dense(256, 256), layer_type: "conv2d", rf: 9 };
    expect(layerMemoryBytes(conv, held)).toBeGreaterThan(9 * 2 * 256 * 256 * 8);
    expect(layerMemoryBytes(dense(8192, 8192), held)).toBeGreaterThan(2 * 8192 * 8192 * 8);
  });

  it("counts a LoRA pair's two matrices and r-wide products, never its out × in product", () => {
    const lora: LayerPlan = { ...dense(4096, 4096), lora: { r: 16, in: 4096, out: 4096, aOffset: 0, bOffset: 16 * 4096 } };
    expect(layerMemoryBytes(lora, held)).toBeLessThan(layerMemoryBytes(dense(64, 64), held) + 4 * 4 * 16 * 4096 * 8);
    // randomized, the shuffled product's Gram (and the eigensolver's copy), still not the product itself
    const randomized = layerMemoryBytes(lora, { ...held, randomize: true });
    expect(randomized).toBeGreaterThan(2 * 4096 * 4096 * 8);
    expect(randomized).toBeLessThan(layerMemoryBytes(dense(4096, 4096), { ...held, randomize: true }));
  });
});
