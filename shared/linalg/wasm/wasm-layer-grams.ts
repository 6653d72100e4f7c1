import type { LayerPlan } from "../../plan/types.ts";
import type { ValueReader } from "../../esd/types.ts";
import { gramLayout } from "../../esd/gram-layout.ts";
import { readPanelFloat32 } from "../../esd/read-panel.ts";
import { panelRows } from "../../esd/panel-rows.ts";
import type { GramAccumulator, WasmLinalg } from "./types.ts";
import { wasmTallGramPartial } from "./wasm-tall-gram-partial.ts";

/**
 * The layer's Grams (one full symmetric matrix per slice) accumulated in WASM: the `grams` option
 * of computeLayerSpectrum / analyzeModel. Tall layers stream once (wasmTallGramPartial over every
 * row); wide layers go by row-panel pairs as computeLayerGrams does.
 */
export function wasmLayerGrams(engine: WasmLinalg, options: { panelBytes?: number } = {}) {
  return async (plan: LayerPlan, read: ValueReader): Promise<{ grams: Float64Array[] }> => {
    const layout = gramLayout(plan);
    const { rows, cols, rf, order } = layout;
    if (layout.side === "columns") return { grams: await wasmTallGramPartial(engine, plan, read, 0, rows) };
    const accumulators: GramAccumulator[] = [];
    try {
      for (let s = 0; s < rf; s++) accumulators.push(engine.createGram(order));
      const p = panelRows(layout, options.panelBytes);
      const panels = Math.ceil(rows / p);
      const rowsOf = (i: number) => Math.min(p, rows - i * p);
      const panelI = Array.from({ length: rf }, () => new Float32Array(p * cols));
      const panelJ = panels > 1 ? Array.from({ length: rf }, () => new Float32Array(p * cols)) : panelI;
      for (let i = 0; i < panels; i++) {
        const a = await readPanelFloat32(layout, read, i * p, rowsOf(i), panelI);
        for (let j = 0; j <= i; j++) {
          const b = j === i ? a : await readPanelFloat32(layout, read, j * p, rowsOf(j), panelJ);
          for (let s = 0; s < rf; s++) accumulators[s].addPanelPair(a[s].subarray(0, rowsOf(i) * cols), i * p, b[s].subarray(0, rowsOf(j) * cols), j * p, cols);
        }
      }
      return { grams: accumulators.map((g) => g.toArray()) };
    } finally {
      for (const g of accumulators) g.dispose();
    }
  };
}
