import linalgModule from "../build/heavytail-linalg.wasm";
import relaxedLinalgModule from "../build/heavytail-linalg-relaxed.wasm";
import { createWasmLinalg, hasRelaxedSimd, type LinalgKernels } from "#shared/linalg";
import { wasmLayerEngine, type LayerEngine } from "./layer-engine.ts";

/**
 * Which build the Worker runs: the relaxed-SIMD one (the Gram's multiply-add as f64x2.relaxed_madd)
 * where workerd validates relaxed SIMD, as current workerd does, else the SIMD one. The same Grams
 * bit for bit either way (shared/linalg/wasm/relaxed-simd.ts), so reports do not depend on it.
 */
export const workerKernels: LinalgKernels = hasRelaxedSimd() ? "relaxed-simd" : "simd";
const wasm = createWasmLinalg(workerKernels === "relaxed-simd" ? relaxedLinalgModule : linalgModule);

/**
 * The Worker's engine: the precompiled WASM SIMD kernels (build/heavytail-linalg.wasm or
 * build/heavytail-linalg-relaxed.wasm, built by `npm run build:wasm`, imported as modules since
 * Workers cannot compile WASM at run time).
 */
export const workerEngine: LayerEngine = wasmLayerEngine(wasm);
