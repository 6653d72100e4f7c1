import { gpuBackend, type GpuInstance } from "./gpu-backend.ts";

/**
 * gpu.js backends that run kernels on a graphics processor. 'gpu' is what gpu.js reports for its
 * GL kernels (WebGL, WebGL2, headless-gl) when no mode was asked for. 'webasm' and 'cpu' run on
 * the processor; GPU.isGPUSupported is true wherever WebAssembly is (gpu.js counts its webasm
 * backend), so it does not tell a GPU from the fallback.
 */
const GPU_BACKENDS = new Set(["gpu", "webgl", "webgl2", "headlessgl", "webgpu"]);

/** Whether gpu.js would run kernels on a graphics processor, not on its WebAssembly or CPU fallback. */
export function runsOnGpu(gpu: Pick<GpuInstance, "mode" | "Kernel">): boolean {
  return GPU_BACKENDS.has(gpuBackend(gpu));
}
