import type { LayerPlan } from "../../plan/types.ts";
import type { ValueReader } from "../../esd/types.ts";
import { gramLayout } from "../../esd/gram-layout.ts";
import { EsdError } from "../../esd/esd-error.ts";
import type { GramAccumulator, WasmLinalg } from "./types.ts";
import { exactValues } from "../../esd/exact-values.ts";

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
  if (!Number.isSafeInteger(rowStart) || !Number.isSafeInteger(rowEnd) || rowStart < 0 || rowEnd < rowStart || rowEnd > layout.rows) {
    throw new EsdError("invalid_option", `row range ${rowStart}..${rowEnd} is outside the layer's ${layout.rows} rows`);
  }
  const accumulators: GramAccumulator[] = [];
  try {
    for (let s = 0; s < rf; s++) accumulators.push(engine.createGram(order));
    const expected = (rowEnd - rowStart) * rowLength;
    const slices = Array.from({ length: rf }, () => new Float32Array(Math.max(1, Math.min(expected / rf, 1 << 16))));
    let delivered = 0;
    for await (const chunk of exactValues(read, rowStart * rowLength, expected)) {
        // value k of the tensor belongs to slice k mod rf (rows hold whole groups of rf); chunks keep
        // whole values but may split rows
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
    return accumulators.map((g) => g.toArray());
  } finally {
    for (const g of accumulators) g.dispose();
  }
}
