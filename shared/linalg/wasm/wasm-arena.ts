import { WasmLinalgError } from "./wasm-linalg-error.ts";

const PAGE = 65536;
const ALIGN = 64;

export interface WasmRegion {
  readonly ptr: number;
  readonly bytes: number;
}

export interface WasmArena {
  /** a region of `bytes` at a 64-byte aligned offset, growing the memory to the pages it needs */
  alloc(bytes: number): WasmRegion;
  /** gives a region back; space is reclaimed once everything above it is free too */
  free(region: WasmRegion): void;
  /** regions allocated and not yet freed */
  liveCount(): number;
}

/**
 * Stack-like allocation over a WebAssembly memory, starting at `base`: regions are bump-allocated
 * and may be freed in any order. Memory only grows (WebAssembly cannot shrink it); the owner
 * drops the whole instance to give memory back.
 */
export function createWasmArena(memory: WebAssembly.Memory, base: number): WasmArena {
  const regions: { region: WasmRegion; live: boolean }[] = [];
  let top = base;
  return {
    alloc(bytes) {
      if (!Number.isSafeInteger(bytes) || bytes < 0) throw new WasmLinalgError("bad_argument", `cannot allocate ${bytes} bytes`);
      const ptr = Math.ceil(top / ALIGN) * ALIGN;
      const end = ptr + bytes;
      const have = memory.buffer.byteLength;
      if (end > have) {
        const pages = Math.ceil((end - have) / PAGE);
        try {
          memory.grow(pages);
        } catch {
          throw new WasmLinalgError("out_of_memory", `WASM memory could not grow from ${have} to ${have + pages * PAGE} bytes`);
        }
      }
      const region = { ptr, bytes };
      regions.push({ region, live: true });
      top = end;
      return region;
    },
    free(region) {
      const entry = regions.find((e) => e.region === region && e.live);
      if (!entry) throw new WasmLinalgError("bad_argument", "region is not allocated here");
      entry.live = false;
      while (regions.length > 0 && !regions[regions.length - 1].live) regions.pop();
      const last = regions[regions.length - 1];
      top = last ? last.region.ptr + last.region.bytes : base;
    },
    liveCount() {
      return regions.length;
    },
  };
}
