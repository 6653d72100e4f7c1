import type { IKernelRunShortcut } from "gpu.js";
import { CROSS_PRODUCT_KERNEL_SOURCE } from "./cross-product-kernel-source.ts";
import { gpuBackend, type GpuInstance } from "./gpu-backend.ts";
import { GpuGramError } from "./gpu-gram-error.ts";

/**
 * Rows summed in float32 per kernel call. Each Gram entry sums `depth` products in float32, so
 * its rounding error is about √depth·u·(|B|ᵀ|B|)ᵢⱼ (u = 2⁻²⁴), at worst depth·u; block sums are
 * added in float64 on the CPU and add no error of their size, so the error of the whole Gram is
 * set by the depth, not the number of rows. 256 keeps the float32 error of λmax near 1e-7
 * relative (docs/gpu.md has the measurements) while reading back one m×m block per 256 rows, so
 * the GPU does 256 multiply-adds per value it sends back.
 */
export const DEFAULT_DEPTH = 256;
/** Largest side of one product: 2048² floats (16 MiB) per read-back, inside every WebGL2 texture limit. */
export const DEFAULT_TILE = 2048;

export interface GpuCrossProduct {
  /** the gpu.js backend running the kernels ('webgl2', 'webgpu', 'gpu', 'webasm', 'cpu') */
  readonly backend: string;
  /** rows of X and Y per product, summed in float32 */
  readonly depth: number;
  /** largest p and q of one product */
  readonly tile: number;
  /** C = XᵀY (p rows of q) for X (depth × p) and Y (depth × q), flat row-major float32 */
  product(x: Float32Array, y: Float32Array, p: number, q: number): Promise<Float32Array[]>;
  /** frees the kernels compiled so far */
  dispose(): void;
}

/**
 * Block products XᵀY on the caller's gpu.js instance (shared/ never constructs one: the browser
 * page and the CLI do, and decide whether it is a real GPU). One kernel is compiled per product
 * shape and reused; with 'webgpu' kernels answer asynchronously, with the others at once.
 */
export function createGpuCrossProduct(gpu: GpuInstance, options: { depth?: number; tile?: number } = {}): GpuCrossProduct {
  const depth = options.depth ?? DEFAULT_DEPTH;
  const tile = options.tile ?? DEFAULT_TILE;
  for (const [name, value] of [["depth", depth], ["tile", tile]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new GpuGramError("invalid_option", `${name} must be a positive integer, got ${value}`);
  }
  const kernels = new Map<string, IKernelRunShortcut>();

  const kernelFor = (p: number, q: number): IKernelRunShortcut => {
    const key = `${p}x${q}`;
    let kernel = kernels.get(key);
    if (!kernel) {
      try {
        kernel = gpu.createKernel(CROSS_PRODUCT_KERNEL_SOURCE, {
          output: [q, p],
          constants: { depth, p, q },
          precision: "single",
          // highp: mediump floats would lose the float32 accuracy the tolerances assume
          tactic: "precision",
        });
      } catch (error) {
        throw new GpuGramError("kernel_failed", `gpu.js could not build the ${p}×${q} product kernel: ${message(error)}`);
      }
      kernels.set(key, kernel);
    }
    return kernel;
  };

  return {
    backend: gpuBackend(gpu),
    depth,
    tile,
    async product(x, y, p, q) {
      if (!Number.isSafeInteger(p) || !Number.isSafeInteger(q) || p < 1 || q < 1 || p > tile || q > tile) {
        throw new GpuGramError("invalid_option", `a product must be between 1×1 and ${tile}×${tile}, got ${p}×${q}`);
      }
      if (x.length !== depth * p || y.length !== depth * q) {
        throw new GpuGramError("invalid_option", `X must hold ${depth}×${p} and Y ${depth}×${q} values, got ${x.length} and ${y.length}`);
      }
      let result: unknown;
      try {
        result = await kernelFor(p, q)(x, y);
      } catch (error) {
        if (error instanceof GpuGramError) throw error;
        throw new GpuGramError("kernel_failed", `the ${p}×${q} product kernel failed on ${gpuBackend(gpu)}: ${message(error)}`);
      }
      const rows = result as Float32Array[];
      if (!Array.isArray(rows) || rows.length !== p || rows.some((r) => r.length !== q)) {
        throw new GpuGramError("kernel_failed", `the ${p}×${q} product kernel returned an unexpected shape`);
      }
      return rows;
    },
    dispose() {
      for (const kernel of kernels.values()) kernel.destroy();
      kernels.clear();
    },
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
