import { GPU } from "gpu.js";
import { afterAll, describe, expect, it } from "vitest";
import { createRng } from "../../metrics/create-rng.ts";
import { createGpuCrossProduct, DEFAULT_DEPTH } from "./create-gpu-cross-product.ts";
import { GpuGramError } from "./gpu-gram-error.ts";

const U = 2 ** -24;

function randomFloat32(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, () => rng.uniform() - 0.5);
}

// Node has no GL context here: 'webasm' runs the same kernel in IEEE float32 arithmetic, as a GPU
// does; 'cpu' runs it as JavaScript (float64 sums, float32 output)
const instances = { webasm: new GPU({ mode: "webasm" }), cpu: new GPU({ mode: "cpu" }) };
afterAll(async () => {
  for (const gpu of Object.values(instances)) await gpu.destroy();
});

describe.each(Object.entries(instances))("createGpuCrossProduct on gpu.js %s", (mode, gpu) => {
  it("computes XᵀY to float32 rounding of `depth` terms", async () => {
    const depth = 40;
    const [p, q] = [7, 5];
    const x = randomFloat32(depth * p, 1);
    const y = randomFloat32(depth * q, 2);
    const product = createGpuCrossProduct(gpu, { depth, tile: 8 });
    expect(product.backend).toBe(mode);
    const c = await product.product(x, y, p, q);
    expect(c).toHaveLength(p);
    for (let i = 0; i < p; i++) {
      expect(c[i]).toHaveLength(q);
      for (let j = 0; j < q; j++) {
        let exact = 0;
        let magnitude = 0;
        for (let t = 0; t < depth; t++) {
          exact += x[t * p + i] * y[t * q + j];
          magnitude += Math.abs(x[t * p + i] * y[t * q + j]);
        }
        expect(Math.abs(c[i][j] - exact)).toBeLessThanOrEqual(depth * U * magnitude + U * Math.abs(exact));
      }
    }
    product.dispose();
  });

  it("refuses products larger than a tile or arrays of the wrong size", async () => {
    const product = createGpuCrossProduct(gpu, { depth: 4, tile: 3 });
    await expect(product.product(new Float32Array(16), new Float32Array(16), 4, 4)).rejects.toMatchObject({ code: "invalid_option" });
    await expect(product.product(new Float32Array(8), new Float32Array(8), 3, 2)).rejects.toBeInstanceOf(GpuGramError);
    await expect(product.product(new Float32Array(12), new Float32Array(8), 3, 2.5)).rejects.toMatchObject({ code: "invalid_option" });
    product.dispose();
  });
});

describe("createGpuCrossProduct settings", () => {
  it("defaults to a depth of 256 rows", () => {
    expect(DEFAULT_DEPTH).toBe(256);
    expect(createGpuCrossProduct(instances.cpu).depth).toBe(256);
  });

  it("rejects a depth or tile that is not a positive integer", () => {
    expect(() => createGpuCrossProduct(instances.cpu, { depth: 0 })).toThrow(/depth must be a positive integer/);
    expect(() => createGpuCrossProduct(instances.cpu, { tile: 1.5 })).toThrow(GpuGramError);
  });

  it("reports a kernel gpu.js cannot build as a typed error", async () => {
    const broken = { mode: "webgl2", createKernel: () => { throw new Error("no context"); } };
    const product = createGpuCrossProduct(broken as never, { depth: 2, tile: 2 });
    await expect(product.product(new Float32Array(2), new Float32Array(2), 1, 1)).rejects.toMatchObject({ code: "kernel_failed", message: expect.stringMatching(/no context/) });
  });
});
