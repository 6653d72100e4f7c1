import { createWasmLinalg, wasmLayerGrams, wasmLoraGrams } from "#shared/linalg";
import type { Engine } from "./choose-engine.ts";

/** The WASM engine from its compiled module: one instance (and memory) per thread that calls this. */
export function wasmEngine(module: WebAssembly.Module): Engine {
  const wasm = createWasmLinalg(module);
  return { name: "wasm-simd-f64", eigvalsh: wasm.eigvalsh, grams: wasmLayerGrams(wasm), loraGrams: wasmLoraGrams(wasm), module };
}
