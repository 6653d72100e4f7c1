import type { LayerPlan } from "../../plan/types.ts";
import type { ValueReader } from "../../esd/types.ts";
import { gramLayout } from "../../esd/gram-layout.ts";
import { readPanel } from "../../esd/read-panel.ts";
import { panelRows } from "../../esd/panel-rows.ts";
import { EsdError } from "../../esd/esd-error.ts";
import type { GramAccumulator, WasmLinalg } from "./types.ts";

/**
 * The layer's Grams (one full symmetric matrix per slice) accumulated in WASM: the `grams` option
 * of computeLayerSpectrum / analyzeModel. Tall layers stream once (slices de-interleaved and scaled
 * in float32 on the way); wide layers go by row-panel pairs as computeLayerGrams does.
 */
export function wasmLayerGrams(engine: WasmLinalg, options: { panelBytes?: number } = {}) {
  return async (plan: LayerPlan, read: ValueReader): Promise<{ grams: Float64Array[] }> => {
    const layout = gramLayout(plan);
    const { rows, cols, rf, rowLength, scale, order } = layout;
    const accumulators: GramAccumulator[] = [];
    try {
      for (let s = 0; s < rf; s++) accumulators.push(engine.createGram(order));
      if (layout.side === "columns") {
        const expected = rows * rowLength;
        const slices = Array.from({ length: rf }, () => new Float32Array(Math.min(expected / rf, 1 << 16)));
        let delivered = 0;
        for await (const chunk of read(0, expected)) {
          if (delivered + chunk.length > expected) throw new EsdError("reader_mismatch", `reader delivered more than the ${expected} values asked for`);
          // value k of the tensor belongs to slice k mod rf; chunks keep whole values but may split rows
          let k = 0;
          while (k < chunk.length) {
            const first = (delivered + k) % rf;
            const take = Math.min(chunk.length - k, slices[0].length * rf - first);
            for (let s = 0; s < rf; s++) {
              const start = (s - first + rf) % rf;
              let count = 0;
              const out = slices[s];
              for (let i = k + start; i < k + take; i += rf) out[count++] = scale === 1 ? chunk[i] : Math.fround(chunk[i] * scale);
              if (count > 0) accumulators[s].addRows(out.subarray(0, count));
            }
            k += take;
          }
          delivered += chunk.length;
        }
        if (delivered !== expected) throw new EsdError("reader_mismatch", `reader delivered ${delivered} of the ${expected} values asked for`);
      } else {
        const p = panelRows(layout, options.panelBytes);
        const panels = Math.ceil(rows / p);
        const rowsOf = (i: number) => Math.min(p, rows - i * p);
        const toF32 = (panel: Float64Array[], count: number) => panel.map((x) => Float32Array.from(x.subarray(0, count * cols)));
        for (let i = 0; i < panels; i++) {
          const a = toF32(await readPanel(layout, read, i * p, rowsOf(i)), rowsOf(i));
          for (let j = 0; j <= i; j++) {
            const b = j === i ? a : toF32(await readPanel(layout, read, j * p, rowsOf(j)), rowsOf(j));
            for (let s = 0; s < rf; s++) accumulators[s].addPanelPair(a[s], i * p, b[s], j * p, cols);
          }
        }
      }
      return { grams: accumulators.map((g) => g.toArray()) };
    } finally {
      for (const g of accumulators) g.dispose();
    }
  };
}
