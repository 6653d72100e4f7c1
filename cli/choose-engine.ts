import { eigvalsh as eigvalshJs, type Eigvalsh } from "../shared/linalg/eigvalsh.ts";
import type { AnalyzeModelOptions } from "../shared/analyze/analyze-model.ts";
import { wasmLayerGrams } from "../shared/linalg/wasm/wasm-layer-grams.ts";
import { loadWasmEngine } from "./load-wasm-engine.ts";

export interface Engine {
  /** recorded in the report's method.engine */
  name: string;
  eigvalsh: Eigvalsh;
  /** computes the layers' Grams (the WASM engine); absent: the JS float64 path */
  grams?: AnalyzeModelOptions["grams"];
}

/** The WASM SIMD engine when build/ has it (unless js is asked for), else the JavaScript float64 eigensolver. */
export async function chooseEngine(preference: "wasm" | "js" | null): Promise<Engine> {
  if (preference !== "js") {
    const wasm = await loadWasmEngine();
    if (wasm) return { name: "wasm-simd-f64", eigvalsh: wasm.eigvalsh, grams: wasmLayerGrams(wasm) };
  }
  return { name: "js-f64", eigvalsh: eigvalshJs };
}
