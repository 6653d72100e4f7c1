import type { GPU } from "gpu.js";

export type GpuInstance = Pick<GPU, "mode" | "createKernel"> & { Kernel?: { mode?: string } | null };

/** The backend a gpu.js instance runs its kernels on ('webgl2', 'webgpu', 'gpu', 'webasm', 'cpu', …). */
export function gpuBackend(gpu: Pick<GpuInstance, "mode" | "Kernel">): string {
  // under mode 'async' the instance keeps 'async' as its mode; the kernel class it chose knows
  return gpu.mode === "async" ? (gpu.Kernel?.mode ?? "async") : gpu.mode;
}
