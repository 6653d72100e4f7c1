import type { LoraGrams } from "../lora-grams.ts";
import type { WasmLinalg } from "./types.ts";

/**
 * A LoRA pair's r × r Grams on the WASM engine's Gram kernel (float32 values in, float64 sums):
 * G_A = A·Aᵀ as the lower triangle of one panel with itself (A's r rows are the panel's rows, so
 * no transpose), G_B = BᵀB from B's out rows of r values. The values go in as float32, exact for
 * what a weight file stores (LoraGrams).
 */
export function wasmLoraGrams(engine: WasmLinalg): LoraGrams {
  return (r, inDim, _outDim, a, b) => {
    const gA = engine.createGram(r);
    const gB = engine.createGram(r);
    try {
      const panel = a instanceof Float32Array ? a : Float32Array.from(a);
      gA.addPanelPair(panel, 0, panel, 0, inDim);
      gB.addRows(b instanceof Float32Array ? b : Float32Array.from(b));
      return { gramA: gA.toArray(), gramB: gB.toArray() };
    } finally {
      gA.dispose();
      gB.dispose();
    }
  };
}
