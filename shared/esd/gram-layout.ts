import type { LayerPlan } from "../plan/types.ts";
import { EsdError } from "./esd-error.ts";

/**
 * How a layer's matrices map onto Gram matrices. Every matrix (conv2d slice) is rows × cols and
 * stored row-major inside the tensor: row r of the tensor holds cols·rf values, value c·rf + s
 * belonging to slice s (s = a·kw + b for `[out, in, kh, kw]`).
 */
export interface GramLayout {
  /** "columns": G = WᵀW (cols × cols) from row blocks, rows ≥ cols; "rows": G = WWᵀ (rows × rows) from row panels */
  side: "columns" | "rows";
  /** order of each Gram matrix: min(rows, cols) */
  order: number;
  rows: number;
  cols: number;
  rf: number;
  /** values per stored row: cols · rf */
  rowLength: number;
  /** float32 factor applied to every value before widening (1 for dense) */
  scale: number;
}

export function gramLayout(plan: LayerPlan): GramLayout {
  const { rows, cols, rf, scale, name } = plan;
  if (plan.layer_type !== "dense" && plan.layer_type !== "conv2d") {
    throw new EsdError("invalid_plan", `layer ${JSON.stringify(name)} is not a dense or conv2d layer`);
  }
  for (const [what, value] of [["rows", rows], ["cols", cols], ["rf", rf]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new EsdError("invalid_plan", `layer ${JSON.stringify(name)}: ${what} must be a positive integer, got ${value}`);
  }
  const elements = plan.tensor.shape.reduce((p, d) => p * d, 1);
  if (elements !== rows * cols * rf) {
    throw new EsdError("invalid_plan", `layer ${JSON.stringify(name)}: ${rows}×${cols}×${rf} does not match its ${elements} elements`);
  }
  if (!Number.isFinite(scale) || scale === 0 || Math.fround(scale) !== scale) {
    throw new EsdError("invalid_plan", `layer ${JSON.stringify(name)}: scale must be a non-zero float32 value, got ${scale}`);
  }
  return { side: rows >= cols ? "columns" : "rows", order: Math.min(rows, cols), rows, cols, rf, rowLength: cols * rf, scale };
}
