import type { WasmLinalg, WasmLinalgOptions } from "./types.ts";
import { createWasmSession } from "./wasm-session.ts";
import { wasmEigvalsh, wasmReduce } from "./wasm-eigvalsh.ts";
import { createWasmGram } from "./create-wasm-gram.ts";
import { createWasmLowerBand } from "./create-wasm-lower-band.ts";

const MIB = 1024 * 1024;

/**
 * The WASM SIMD engine from a compiled module (the Worker imports build/heavytail-linalg.wasm as a
 * module; Node compiles the file's bytes, see cli/load-wasm-engine.ts). eigvalsh matches the JS
 * solver's signature so either can be injected; createGram keeps a layer's Gram in WASM memory.
 */
export function createWasmLinalg(module: WebAssembly.Module, options: WasmLinalgOptions = {}): WasmLinalg {
  const session = createWasmSession(module, options.keepBytes ?? 32 * MIB);
  const tuning = { blockSize: options.blockSize ?? 32, twoStageFrom: options.twoStageFrom ?? 2048 };
  const stagingBytes = options.gramStagingBytes ?? 8 * MIB;
  return {
    eigvalsh: Object.assign((n: number, a: Float64Array) => wasmEigvalsh(session, n, a, tuning), {
      reduce: (n: number, a: Float64Array) => wasmReduce(session, n, a, tuning),
    }),
    createGram: (m) => createWasmGram(session, m, stagingBytes, tuning),
    createLowerBand: (m, start, end, k) => createWasmLowerBand(session, m, start, end, k, stagingBytes),
    memoryBytes: () => session.memoryBytes(),
    peakMemoryBytes: () => session.peakMemoryBytes(),
  };
}
