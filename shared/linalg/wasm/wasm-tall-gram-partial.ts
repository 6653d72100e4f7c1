import type { LayerPlan } from "../../plan/types.ts";
import type { ValueReader } from "../../esd/types.ts";
import { gramLayout } from "../../esd/gram-layout.ts";
import { EsdError } from "../../esd/esd-error.ts";
import type { GramAccumulator, WasmLinalg } from "./types.ts";
import { exactValues } from "../../esd/exact-values.ts";
import { checkRowRange } from "../../esd/check-row-range.ts";
import { splitSlices } from "../../esd/split-slices.ts";

/**
 * The Grams WᵀW (one full symmetric matrix per slice) of rows [rowStart, rowEnd) of a tall layer,
 * accumulated in WASM from one pass over the rows: slices de-interleaved and scaled in float32 on
 * the way. The whole layer (wasmLayerGrams) and a split layer's row-range task both use it; the
 * ranges' Grams add up to the layer's.
 */
export async function wasmTallGramPartial(engine: WasmLinalg, plan: LayerPlan, read: ValueReader, rowStart: number, rowEnd: number): Promise<Float64Array[]> {
  const layout = gramLayout(plan);
  const { rf, rowLength, scale, order } = layout;
  if (layout.side !== "columns") throw new EsdError("invalid_option", `layer ${JSON.stringify(plan.name)} is wide: use panel blocks`);
  checkRowRange(rowStart, rowEnd - rowStart, layout.rows);
  const accumulators: GramAccumulator[] = [];
  try {
    for (let s = 0; s < rf; s++) accumulators.push(engine.createGram(order));
    const expected = (rowEnd - rowStart) * rowLength;
    const slices = Array.from({ length: rf }, () => new Float32Array(Math.max(1, Math.min(expected / rf, 1 << 16))));
    const counts = new Array<number>(rf).fill(0);
    let delivered = 0;
    for await (const chunk of exactValues(read, rowStart * rowLength, expected)) {
      // value k of the tensor belongs to slice k mod rf (rows hold whole groups of rf); chunks keep
      // whole values but may split rows
      let k = 0;
      while (k < chunk.length) {
        const first = (delivered + k) % rf;
        const take = Math.min(chunk.length - k, slices[0].length * rf - first);
        counts.fill(0);
        splitSlices(chunk, k, k + take, first, scale, slices, counts);
        for (let s = 0; s < rf; s++) if (counts[s] > 0) accumulators[s].addRows(slices[s].subarray(0, counts[s]));
        k += take;
      }
      delivered += chunk.length;
    }
    return accumulators.map((g) => g.toArray());
  } finally {
    for (const g of accumulators) g.dispose();
  }
}
