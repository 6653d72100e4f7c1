import type { LayerPlan } from "../plan/types.ts";
import type { ValueReader } from "./types.ts";
import { gramLayout } from "./gram-layout.ts";
import { createTallGramAccumulator } from "./tall-gram-accumulator.ts";
import { EsdError } from "./esd-error.ts";
import { exactValues } from "./exact-values.ts";
import { checkRowRange } from "./check-row-range.ts";

/**
 * The Grams WᵀW of rows [rowStart, rowEnd) of a tall layer (rows ≥ cols), one per slice. Partial
 * Grams over disjoint row ranges add up to the layer's Grams, so a large layer can be
 * split across invocations.
 */
export async function tallGramPartial(
  plan: LayerPlan,
  read: ValueReader,
  rowStart: number,
  rowEnd: number,
  options: { blockRows?: number } = {},
): Promise<Float64Array[]> {
  const layout = gramLayout(plan);
  if (layout.side !== "columns") throw new EsdError("invalid_option", `layer ${JSON.stringify(plan.name)} is wide: use panel blocks`);
  checkRowRange(rowStart, rowEnd - rowStart, layout.rows);
  const accumulator = createTallGramAccumulator(layout, options);
  const expected = (rowEnd - rowStart) * layout.rowLength;
  for await (const chunk of exactValues(read, rowStart * layout.rowLength, expected)) accumulator.push(chunk);
  return accumulator.finish();
}
