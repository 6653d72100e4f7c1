import type { AnalyzeLayerOptions } from "#shared/analyze";
import { type LayerSpectrum, type ValueReader, packedLayerSpectrum, packedBandSpectrum, type GramBand } from "#shared/esd";
import { type Eigvalsh, wasmLayerGrams, wasmLoraGrams, wasmTallGramPartial, wasmWideGramBlock, wasmLowerBand, type WasmLinalg } from "#shared/linalg";
import type { LayerPlan } from "#shared/plan";

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
  /** a dense layer's Gram packed in place, for layers whose full Gram does not fit (docs/edge-limits.md) */
  packed?: {
    /** the spectrum of a layer whose packed Gram one task builds */
    spectrum: (plan: LayerPlan, read: ValueReader) => Promise<LayerSpectrum>;
    /** a split wide layer's part: the lower band [start, end) of W Wᵀ, handed out a panel's rows at a time */
    lowerBand: (plan: LayerPlan, read: ValueReader, start: number, end: number, emit: (values: Float64Array) => Promise<void>) => Promise<void>;
    /** the spectrum of a Gram put together from its lower bands */
    bandSpectrum: (order: number, bands: GramBand[]) => Promise<LayerSpectrum>;
  };
}

/** The engine of the WASM kernels, however they were compiled (the Worker's import, or Node reading build/). */
export function wasmLayerEngine(wasm: WasmLinalg): LayerEngine {
  return {
    name: "wasm-simd-f64",
    eigvalsh: wasm.eigvalsh,
    grams: wasmLayerGrams(wasm),
    loraGrams: wasmLoraGrams(wasm),
    tallGramPartial: (plan, read, rowStart, rowEnd) => wasmTallGramPartial(wasm, plan, read, rowStart, rowEnd),
    wideGramBlock: (plan, read, i, j, panelRows) => wasmWideGramBlock(wasm, plan, read, i, j, panelRows),
    packed: {
      spectrum: (plan, read) => packedLayerSpectrum(plan, read, wasm),
      lowerBand: (plan, read, start, end, emit) => wasmLowerBand(wasm, plan, read, start, end, emit),
      bandSpectrum: (order, bands) => packedBandSpectrum(order, bands, wasm),
    },
  };
}

