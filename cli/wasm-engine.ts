import { createWasmLinalg } from "../shared/linalg/wasm/create-wasm-linalg.ts";
import { wasmLayerGrams } from "../shared/linalg/wasm/wasm-layer-grams.ts";
import { wasmLoraGrams } from "../shared/linalg/wasm/wasm-lora-grams.ts";
import type { Engine } from "./choose-engine.ts";

/** The WASM engine from its compiled module: one instance (and memory) per thread that calls this. */
export function wasmEngine(module: WebAssembly.Module): Engine {
  const wasm = createWasmLinalg(module);
  return { name: "wasm-simd-f64", eigvalsh: wasm.eigvalsh, grams: wasmLayerGrams(wasm), loraGrams: wasmLoraGrams(wasm), module };
}
