import { gramLayout } from "./gram-layout.ts";
import { zeroBelowNoiseFloor } from "./spectrum-from-grams.ts";
import type { LayerSpectrum, ValueReader } from "./types.ts";
import type { GramAccumulator, WasmLinalg } from "../linalg/wasm/types.ts";
import type { LayerPlan } from "../plan/types.ts";

/** bytes of one float32 row panel of a wide layer (two are held, next to the packed Gram) */
export const PACKED_PANEL_BYTES = 8 << 20;

/**
 * The spectrum of a dense layer whose full float64 Gram does not fit a Worker (a 4096 Gram is
 * 128 MiB): the Gram is accumulated in the WASM engine's memory as a packed lower triangle (half
 * the bytes) and its eigenvalues are taken in place, so the full matrix never exists. Tall layers
 * stream once (G = WᵀW from rows); wide ones by pairs of float32 row panels (G = WWᵀ), re-reading
 * panel J for every I ≥ J. Eigenvalues at the noise floor become 0 as in spectrumFromGrams; the
 * small end is not refined against the weights (that would need a float64 Gram).
 */
export async function packedLayerSpectrum(
  plan: LayerPlan,
  read: ValueReader,
  engine: WasmLinalg,
  options: { panelBytes?: number } = {},
): Promise<LayerSpectrum> {
  const layout = gramLayout(plan);
  if (layout.rf !== 1 || layout.scale !== 1) throw new Error(`layer ${JSON.stringify(plan.name)}: the packed path takes dense layers only`);
  const { rows, cols, order } = layout;
  const gram = engine.createGram(order);
  try {
    if (layout.side === "columns") {
      for await (const chunk of read(0, rows * cols)) gram.addRows(chunk);
    } else {
      const p = Math.max(1, Math.min(rows, Math.floor((options.panelBytes ?? PACKED_PANEL_BYTES) / (cols * 4))));
      const panels = Math.ceil(rows / p);
      const panelI = new Float32Array(p * cols);
      const panelJ = new Float32Array(p * cols);
      const readRows = async (panel: number, into: Float32Array) => {
        const count = Math.min(p, rows - panel * p) * cols;
        let at = 0;
        for await (const chunk of read(panel * p * cols, count)) {
          into.set(chunk, at);
          at += chunk.length;
        }
        return into.subarray(0, count);
      };
      for (let i = 0; i < panels; i++) {
        const a = await readRows(i, panelI);
        for (let j = 0; j <= i; j++) gram.addPanelPair(a, i * p, j === i ? a : await readRows(j, panelJ), j * p, cols);
      }
    }
    return packedGramSpectrum(gram);
  } finally {
    gram.dispose();
  }
}

/** A packed Gram's eigenvalues, ascending, those at the noise floor set to 0 as in spectrumFromGrams. */
export function packedGramSpectrum(gram: GramAccumulator): LayerSpectrum {
  const values = Float64Array.from(gram.eigenvalues()).sort();
  return { slices: [values], numericallyZero: [zeroBelowNoiseFloor(values)] };
}
