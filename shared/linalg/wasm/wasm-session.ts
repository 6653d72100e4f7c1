import type { LinalgExports } from "./linalg-exports.ts";
import { createWasmArena, type WasmArena, type WasmRegion } from "./wasm-arena.ts";

/** One engine's access to its instance and memory; the instance is created on first use. */
export interface WasmSession {
  kernels(): LinalgExports;
  alloc(bytes: number): WasmRegion;
  free(...regions: WasmRegion[]): void;
  f64(ptr: number, length: number): Float64Array;
  f32(ptr: number, length: number): Float32Array;
  memoryBytes(): number;
  peakMemoryBytes(): number;
}

/**
 * Instantiates `module` on demand (synchronously: Workers may instantiate a precompiled module but
 * not compile bytes). When the last region is freed and more than `keepBytes` of memory is held,
 * the instance is dropped so its memory can be collected; the next allocation starts a fresh one.
 */
export function createWasmSession(module: WebAssembly.Module, keepBytes: number): WasmSession {
  let open: { kernels: LinalgExports; arena: WasmArena } | null = null;
  let peak = 0;
  const ensure = () => {
    if (!open) {
      const kernels = new WebAssembly.Instance(module, {}).exports as unknown as LinalgExports;
      open = { kernels, arena: createWasmArena(kernels.memory, kernels.heapBase()) };
    }
    return open;
  };
  const memory = () => ensure().kernels.memory;
  return {
    kernels: () => ensure().kernels,
    alloc(bytes) {
      const { arena, kernels } = ensure();
      const region = arena.alloc(bytes);
      peak = Math.max(peak, kernels.memory.buffer.byteLength);
      return region;
    },
    free(...regions) {
      if (!open) return;
      for (const region of regions) open.arena.free(region);
      if (open.arena.liveCount() === 0 && open.kernels.memory.buffer.byteLength > keepBytes) open = null;
    },
    f64: (ptr, length) => new Float64Array(memory().buffer, ptr, length),
    f32: (ptr, length) => new Float32Array(memory().buffer, ptr, length),
    memoryBytes: () => (open ? open.kernels.memory.buffer.byteLength : 0),
    peakMemoryBytes: () => peak,
  };
}
