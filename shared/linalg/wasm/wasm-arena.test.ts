import { describe, expect, it } from "vitest";
import { createWasmArena } from "./wasm-arena.ts";
import { WasmLinalgError } from "./wasm-linalg-error.ts";

describe("createWasmArena", () => {
  it("aligns regions, grows memory to the pages needed and no further", () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const arena = createWasmArena(memory, 100);
    const a = arena.alloc(10);
    expect(a.ptr).toBe(128);
    const b = arena.alloc(200_000);
    expect(b.ptr % 64).toBe(0);
    expect(b.ptr).toBeGreaterThanOrEqual(a.ptr + 10);
    expect(memory.buffer.byteLength).toBe(Math.ceil((b.ptr + 200_000) / 65536) * 65536);
  });

  it("reclaims space from the top when regions are freed in any order", () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const arena = createWasmArena(memory, 0);
    const a = arena.alloc(1000);
    const b = arena.alloc(1000);
    arena.free(a);
    expect(arena.liveCount()).toBe(2);
    const c = arena.alloc(64);
    expect(c.ptr).toBeGreaterThan(b.ptr);
    arena.free(c);
    arena.free(b);
    expect(arena.liveCount()).toBe(0);
    expect(arena.alloc(8).ptr).toBe(0);
  });

  it("refuses double frees and impossible sizes with typed errors", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const arena = createWasmArena(memory, 0);
    const a = arena.alloc(8);
    arena.free(a);
    expect(() => arena.free(a)).toThrow(WasmLinalgError);
    expect(() => arena.alloc(-1)).toThrow(expect.objectContaining({ code: "bad_argument" }));
    expect(() => arena.alloc(10 * 65536)).toThrow(expect.objectContaining({ code: "out_of_memory" }));
  });
});
