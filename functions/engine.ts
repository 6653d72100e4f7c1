import linalgModule from "../build/heavytail-linalg.wasm";
import relaxedLinalgModule from "../build/heavytail-linalg-relaxed.wasm";
import type { AnalyzeLayerOptions } from "../shared/analyze/analyze-layer.ts";
import type { LayerSpectrum, ValueReader } from "../shared/esd/types.ts";
import type { Eigvalsh } from "../shared/linalg/eigvalsh.ts";
import { createWasmLinalg } from "../shared/linalg/wasm/create-wasm-linalg.ts";
import { hasRelaxedSimd, type LinalgKernels } from "../shared/linalg/wasm/relaxed-simd.ts";
import { wasmLayerGrams } from "../shared/linalg/wasm/wasm-layer-grams.ts";
import { wasmLoraGrams } from "../shared/linalg/wasm/wasm-lora-grams.ts";
import { wasmTallGramPartial } from "../shared/linalg/wasm/wasm-tall-gram-partial.ts";
import { wasmWideGramBlock } from "../shared/linalg/wasm/wasm-wide-gram-block.ts";
import type { LayerPlan } from "../shared/plan/types.ts";
import { packedLayerSpectrum } from "../shared/esd/packed-layer-spectrum.ts";

/** The code that computes each layer's spectrum on the Worker. */
export interface LayerEngine {
  /** recorded in the report's `method.engine` */
  name: string;
  /** the symmetric eigensolver; the shared JS one when absent */
  eigvalsh?: Eigvalsh;
  /** computes a layer's Grams; the JS float64 path when absent */
  grams?: AnalyzeLayerOptions["grams"];
  /** computes a lora_BA layer's r × r Grams; the JS float64 loops when absent */
  loraGrams?: AnalyzeLayerOptions["loraGrams"];
  /** a split layer's part: the Grams of a tall layer's row range; the JS float64 path when absent */
  tallGramPartial?: (plan: LayerPlan, read: ValueReader, rowStart: number, rowEnd: number) => Promise<Float64Array[]>;
  /** a split layer's part: one panel block of a wide layer's Grams; the JS float64 path when absent */
  wideGramBlock?: (plan: LayerPlan, read: ValueReader, i: number, j: number, panelRows: number) => Promise<Float64Array[]>;
  /** a dense layer's spectrum with its Gram packed in place, for layers whose full Gram does not fit */
  packedSpectrum?: (plan: LayerPlan, read: ValueReader) => Promise<LayerSpectrum>;
}

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
export const workerEngine: LayerEngine = {
  name: "wasm-simd-f64",
  eigvalsh: wasm.eigvalsh,
  grams: wasmLayerGrams(wasm),
  loraGrams: wasmLoraGrams(wasm),
  tallGramPartial: (plan, read, rowStart, rowEnd) => wasmTallGramPartial(wasm, plan, read, rowStart, rowEnd),
  wideGramBlock: (plan, read, i, j, panelRows) => wasmWideGramBlock(wasm, plan, read, i, j, panelRows),
  packedSpectrum: (plan, read) => packedLayerSpectrum(plan, read, wasm),
};
