import type { LayerPlan } from "../plan/types.ts";
import type { ValueReader } from "./types.ts";
import { gramLayout } from "./gram-layout.ts";
import { readPanel } from "./read-panel.ts";
import { addPanelProduct } from "./add-panel-product.ts";
import { EsdError } from "./esd-error.ts";

export interface WideGramBlock {
  /** panel indices, i ≥ j */
  i: number;
  j: number;
  /** per slice, the rows(i) × rows(j) block W_I W_Jᵀ of WWᵀ, row-major */
  block: Float64Array[];
}

/**
 * One block G[I, J] = W_I W_Jᵀ (J ≤ I) of a wide layer's Grams WWᵀ, reading the two row panels of
 * `panelRows` rows. The blocks with j ≤ i assemble into the full Grams, so a
 * large layer can be split across invocations.
 */
export async function wideGramBlock(plan: LayerPlan, read: ValueReader, i: number, j: number, panelRowCount: number): Promise<WideGramBlock> {
  const layout = gramLayout(plan);
  if (layout.side !== "rows") throw new EsdError("invalid_option", `layer ${JSON.stringify(plan.name)} is tall: use row-range partial Grams`);
  const panels = Math.ceil(layout.rows / panelRowCount);
  if (!Number.isSafeInteger(panelRowCount) || panelRowCount < 1 || !Number.isSafeInteger(i) || !Number.isSafeInteger(j) || j < 0 || j > i || i >= panels) {
    throw new EsdError("invalid_option", `panel pair (${i}, ${j}) is not a block of ${panels} panels (need 0 ≤ j ≤ i < ${panels})`);
  }
  const rowsOf = (p: number) => Math.min(panelRowCount, layout.rows - p * panelRowCount);
  const a = await readPanel(layout, read, i * panelRowCount, rowsOf(i));
  const b = i === j ? a : await readPanel(layout, read, j * panelRowCount, rowsOf(j));
  const block = a.map((panelI, s) => {
    const out = new Float64Array(rowsOf(i) * rowsOf(j));
    addPanelProduct(panelI, rowsOf(i), b[s], rowsOf(j), layout.cols, out, rowsOf(j), 0, 0);
    return out;
  });
  return { i, j, block };
}
