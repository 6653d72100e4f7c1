import * as gpujs from "gpu.js";
import type { AnalyzeModelOptions } from "#shared/analyze";
import { computeLayerGramsGpu, createGpuCrossProduct, DEFAULT_DEPTH, gpuBackend, runsOnGpu } from "#shared/esd";
import { openDawnWebGpu } from "./open-dawn-webgpu.ts";

export interface GpuGram {
  /** for the report's method.engine, e.g. "gpu.js-webgpu-f32x256" */
  engine: string;
  /** the adapter or context the products run on, for people */
  device: string;
  /** pass as analyzeModel's `grams` option */
  grams: NonNullable<AnalyzeModelOptions["grams"]>;
  /** frees the kernels and the device; Node does not exit while Dawn's device is held */
  dispose(): Promise<void>;
}

export type GpuGramLoad = { gram: GpuGram; reason?: undefined } | { gram: null; reason: string };

/** gpu.js's WebGPU device is shared by every instance; only the package itself can free it */
const webGpuContext = (gpujs as unknown as { WebGPUContext: { destroy(): Promise<void> } }).WebGPUContext;

/**
 * The Gram block products on a GPU for the device check (scripts/device-gpu-check.ts), or the reason there is none. gpu.js reaches a
 * GPU in Node through headless-gl (not built here: package.json's allowScripts keeps `gl` off) or
 * through WebGPU with Dawn (openDawnWebGpu). Without either it would run its WebAssembly or CPU
 * backend, which is slower than the float64 path and not a GPU: that is reported as "no GPU" and
 * the caller stays on WASM/JS. A first tiny product is run before the GPU is offered, so a device
 * that cannot run the kernel is found here and not on every layer.
 */
export async function loadGpuGram(options: { depth?: number } = {}): Promise<GpuGramLoad> {
  const depth = options.depth ?? DEFAULT_DEPTH;
  const gl = new gpujs.GPU();
  if (runsOnGpu(gl)) return checked(gl, "headless-gl", "headless-gl", depth, () => gl.destroy());
  const fallback = gpuBackend(gl);
  await gl.destroy();

  const dawn = await openDawnWebGpu();
  if (!dawn.ok) return { gram: null, reason: `no GPU: gpu.js would run on its ${fallback} backend (headless-gl is not built), and ${dawn.reason}` };
  const gpu = new gpujs.GPU({ mode: "webgpu" });
  return checked(gpu, "webgpu", dawn.adapter, depth, async () => {
    await gpu.destroy();
    await webGpuContext.destroy();
    dawn.release();
  });
}

async function checked(gpu: gpujs.GPU, backend: string, device: string, depth: number, release: () => Promise<void>): Promise<GpuGramLoad> {
  const product = createGpuCrossProduct(gpu, { depth });
  const dispose = async () => {
    product.dispose();
    await release();
  };
  try {
    const ones = new Float32Array(depth).fill(1);
    const [[sum]] = await product.product(ones, ones, 1, 1);
    if (sum !== depth) throw new Error(`a test product gave ${sum} instead of ${depth}`);
  } catch (error) {
    await dispose();
    return { gram: null, reason: `no GPU: ${backend} on ${device} could not run the Gram kernel: ${error instanceof Error ? error.message : String(error)}` };
  }
  return {
    gram: {
      engine: `gpu.js-${backend}-f32x${depth}`,
      device,
      grams: (plan, read) => computeLayerGramsGpu(plan, read, product),
      dispose,
    },
  };
}
