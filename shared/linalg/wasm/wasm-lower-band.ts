import type { LayerPlan } from "../../plan/types.ts";
import type { ValueReader } from "../../esd/types.ts";
import { gramLayout } from "../../esd/gram-layout.ts";
import { exactValues } from "../../esd/exact-values.ts";
import { EsdError } from "../../esd/esd-error.ts";
import type { LowerBand, WasmLinalg } from "./types.ts";

/** bytes of one float32 row panel streamed past a band (a copy goes into WASM memory beside it) */
export const BAND_PANEL_BYTES = 4 << 20;

/**
 * The lower band [start, end) of a wide dense layer's Gram W Wᵀ (see LowerBand), handed to `emit`
 * a panel's rows at a time in the band's row-major order. One read of W's rows from `start` to the
 * end: the band's own rows are held, the rest pass by in panels of `panelBytes`. The bands of a
 * layer's rows tile its lower triangle, so a Gram too large to build in one task is built by one
 * task per band, each reading a share of the layer (docs/edge-limits.md).
 */
export async function wasmLowerBand(
  engine: WasmLinalg,
  plan: LayerPlan,
  read: ValueReader,
  start: number,
  end: number,
  emit: (values: Float64Array) => Promise<void>,
  options: { panelBytes?: number } = {},
): Promise<void> {
  const layout = gramLayout(plan);
  if (layout.side !== "rows" || layout.rf !== 1 || layout.scale !== 1) throw new EsdError("invalid_option", `layer ${JSON.stringify(plan.name)}: only a wide dense layer's Gram is built in bands`);
  const { rows, cols } = layout;
  const p = Math.max(1, Math.floor((options.panelBytes ?? BAND_PANEL_BYTES) / (4 * cols)));
  let band: LowerBand | undefined;
  try {
    band = engine.createLowerBand(rows, start, end, cols);
    const panel = new Float32Array(Math.min(p, rows - end) * cols);
    let filled = 0;
    let next = end;
    const bandValues = (end - start) * cols;
    let taken = 0;
    for await (const chunk of exactValues(read, start * cols, (rows - start) * cols)) {
      let at = 0;
      if (taken < bandValues) {
        at = Math.min(chunk.length, bandValues - taken);
        band.holdRows(chunk.subarray(0, at));
        taken += at;
        if (taken === bandValues) for (let r = start; r < end; r += p) await emit(band.bandRows(r, Math.min(p, end - r)));
      }
      while (at < chunk.length) {
        const count = Math.min(p, rows - next) * cols;
        const take = Math.min(count - filled, chunk.length - at);
        panel.set(chunk.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === count) {
          await emit(band.bandRows(next, count / cols, panel.subarray(0, count)));
          next += count / cols;
          filled = 0;
        }
      }
    }
  } finally {
    band?.dispose();
  }
}
