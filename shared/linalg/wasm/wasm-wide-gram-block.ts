import type { LayerPlan } from "../../plan/types.ts";
import type { ValueReader } from "../../esd/types.ts";
import { gramLayout } from "../../esd/gram-layout.ts";
import { readPanelFloat32 } from "../../esd/read-panel.ts";
import { EsdError } from "../../esd/esd-error.ts";
import type { GramAccumulator, WasmLinalg } from "./types.ts";

/**
 * One block G[I, J] = W_I W_Jᵀ (J ≤ I) of a wide layer's Grams WWᵀ per slice, rows(I) × rows(J)
 * row-major, as wideGramBlock computes it in JS, with the product in WASM. The block is formed in
 * an accumulator just large enough to hold both panels (panel J at rows [0, rows(J)), panel I
 * below it), so a split layer's task holds a block, not the layer's Gram.
 */
export async function wasmWideGramBlock(engine: WasmLinalg, plan: LayerPlan, read: ValueReader, i: number, j: number, panelRowCount: number): Promise<Float64Array[]> {
  const layout = gramLayout(plan);
  if (layout.side !== "rows") throw new EsdError("invalid_option", `layer ${JSON.stringify(plan.name)} is tall: use row-range partial Grams`);
  const panels = Math.ceil(layout.rows / panelRowCount);
  if (!Number.isSafeInteger(panelRowCount) || panelRowCount < 1 || !Number.isSafeInteger(i) || !Number.isSafeInteger(j) || j < 0 || j > i || i >= panels) {
    throw new EsdError("invalid_option", `panel pair (${i}, ${j}) is not a block of ${panels} panels (need 0 ≤ j ≤ i < ${panels})`);
  }
  const { cols, rf } = layout;
  const rowsOf = (p: number) => Math.min(panelRowCount, layout.rows - p * panelRowCount);
  const [rowsI, rowsJ] = [rowsOf(i), rowsOf(j)];
  const a = await readPanelFloat32(layout, read, i * panelRowCount, rowsI);
  const b = i === j ? a : await readPanelFloat32(layout, read, j * panelRowCount, rowsJ);
  const order = i === j ? rowsI : rowsI + rowsJ;
  const offset = i === j ? 0 : rowsJ;
  const blocks: Float64Array[] = [];
  for (let s = 0; s < rf; s++) {
    let g: GramAccumulator | undefined;
    try {
      g = engine.createGram(order);
      g.addPanelPair(a[s], offset, b[s], 0, cols);
      const full = g.toArray();
      const block = new Float64Array(rowsI * rowsJ);
      for (let x = 0; x < rowsI; x++) block.set(full.subarray((offset + x) * order, (offset + x) * order + rowsJ), x * rowsJ);
      blocks.push(block);
    } finally {
      g?.dispose();
    }
  }
  return blocks;
}
