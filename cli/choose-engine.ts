import { eigvalsh as eigvalshJs, type Eigvalsh } from "#shared/linalg";
import type { AnalyzeModelOptions } from "#shared/analyze";
import { loadWasmModule } from "./load-wasm-module.ts";
import { wasmEngine } from "./wasm-engine.ts";

export interface Engine {
  /** recorded in the report's method.engine */
  name: string;
  eigvalsh: Eigvalsh;
  /** computes the layers' Grams (the WASM engine); absent: the JS float64 path */
  grams?: AnalyzeModelOptions["grams"];
  /** computes lora_BA layers' r × r Grams (the WASM engine); absent: the JS float64 loops */
  loraGrams?: AnalyzeModelOptions["loraGrams"];
  /** the compiled WASM kernels, for worker threads to instantiate (the WASM engine) */
  module?: WebAssembly.Module;
}

/** The WASM SIMD engine when build/ has it (unless js is asked for), else the JavaScript float64 eigensolver. */
export async function chooseEngine(preference: "wasm" | "js" | null): Promise<Engine> {
  if (preference !== "js") {
    const module = await loadWasmModule();
    if (module) return wasmEngine(module);
  }
  return { name: "js-f64", eigvalsh: eigvalshJs };
}
