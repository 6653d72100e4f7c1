import type { LayerPlan } from "../plan/types.ts";
import type { ValueReader } from "./types.ts";
import { gramLayout, type GramLayout } from "./gram-layout.ts";
import { createTallGramAccumulator } from "./tall-gram-accumulator.ts";
import { readPanel } from "./read-panel.ts";
import { addPanelProduct } from "./add-panel-product.ts";
import { panelRows } from "./panel-rows.ts";
import { exactValues } from "./exact-values.ts";

export interface LayerGrams {
  layout: GramLayout;
  /** one full symmetric order × order Gram per slice */
  grams: Float64Array[];
  /** bytes held while accumulating: the Grams plus the row-block or panel buffers */
  allocatedBytes: number;
  /**
   * how the entries were summed: "float64" (absent: the default) or "float32" (a GPU's block sums,
   * shared/esd/gpu/); the refinement of the small end uses the eigensolver's reduction of float64
   * Grams only, and accumulates its own float64 Gram otherwise
   */
  precision?: GramPrecision;
}

export type GramPrecision = "float64" | "float32";

export interface GramOptions {
  /** budget for one row panel of a wide layer, in bytes of float64 values */
  panelBytes?: number;
  /** rows buffered per level-3 update of a tall layer */
  blockRows?: number;
}

/**
 * The Gram matrix of the smaller side of every slice, streamed. Memory never holds the tensor:
 * - tall (rows ≥ cols): rf·cols²·8 bytes of Grams + rf·cols·blockRows·8 of row buffer, one pass;
 * - wide (rows < cols): rf·rows²·8 bytes of Grams + 2 panels of p rows (p·cols·rf·8 bytes each,
 *   p from panelBytes). Panel I is held while panels J ≤ I are re-read: G[I,J] = W_I W_Jᵀ. The
 *   reader is never asked for more than one panel at once, and reads ⌈rows/p⌉(⌈rows/p⌉+1)/2
 *   panels in all.
 */
export async function computeLayerGrams(plan: LayerPlan, read: ValueReader, options: GramOptions = {}): Promise<LayerGrams> {
  const layout = gramLayout(plan);
  if (layout.side === "columns") {
    const accumulator = createTallGramAccumulator(layout, { blockRows: options.blockRows });
    const expected = layout.rows * layout.rowLength;
    for await (const chunk of exactValues(read, 0, expected)) accumulator.push(chunk);
    return { layout, grams: accumulator.finish(), allocatedBytes: accumulator.allocatedBytes };
  }

  const { rows: n, cols, rf } = layout;
  const p = panelRows(layout, options.panelBytes);
  const panels = Math.ceil(n / p);
  const rowsOf = (k: number) => Math.min(p, n - k * p);
  const grams = Array.from({ length: rf }, () => new Float64Array(n * n));
  const panelI = Array.from({ length: rf }, () => new Float64Array(p * cols));
  const panelJ = panels > 1 ? Array.from({ length: rf }, () => new Float64Array(p * cols)) : panelI;
  for (let i = 0; i < panels; i++) {
    await readPanel(layout, read, i * p, rowsOf(i), panelI);
    for (let j = 0; j <= i; j++) {
      const b = j === i ? panelI : await readPanel(layout, read, j * p, rowsOf(j), panelJ);
      for (let s = 0; s < rf; s++) addPanelProduct(panelI[s], rowsOf(i), b[s], rowsOf(j), cols, grams[s], n, i * p, j * p, i === j);
    }
  }
  for (const g of grams) {
    for (let r = 0; r < n; r++) for (let c = r + 1; c < n; c++) g[r * n + c] = g[c * n + r];
  }
  const allocatedBytes = 8 * (rf * n * n + (panels > 1 ? 2 : 1) * rf * p * cols);
  return { layout, grams, allocatedBytes };
}
