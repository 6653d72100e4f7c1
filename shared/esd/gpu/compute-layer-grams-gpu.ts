import type { LayerPlan } from "../../plan/types.ts";
import type { ValueReader } from "../types.ts";
import { gramLayout } from "../gram-layout.ts";
import { panelRows } from "../panel-rows.ts";
import type { LayerGrams } from "../compute-layer-grams.ts";
import type { GpuCrossProduct } from "./create-gpu-cross-product.ts";
import { tallGramsGpu } from "./tall-grams-gpu.ts";
import { wideGramsGpu } from "./wide-grams-gpu.ts";

/**
 * computeLayerGrams with the block products on a GPU (gpu.js): the same Grams of the smaller side
 * of every slice, each entry correct to the float32 rounding of `depth` terms instead of float64
 * (docs/gpu.md). Pass it as the `grams` option of computeLayerSpectrum / analyzeLayer; the
 * refinement of the small end keeps the float64 path (precision "float32" tells it not to trust
 * these Grams' reduction), so rank counts stay exact.
 */
export async function computeLayerGramsGpu(plan: LayerPlan, read: ValueReader, gpu: GpuCrossProduct, options: { panelBytes?: number } = {}): Promise<LayerGrams> {
  const layout = gramLayout(plan);
  const { rf, order, cols } = layout;
  const tile = Math.min(order, gpu.tile);
  const grams = layout.side === "columns" ? await tallGramsGpu(layout, read, gpu) : await wideGramsGpu(layout, read, gpu, options.panelBytes);
  // float32 row blocks (tall) or two float64 row panels (wide), and two float32 staging tiles
  const buffers = layout.side === "columns" ? 4 * rf * gpu.depth * cols : 8 * 2 * rf * Math.min(panelRows(layout, options.panelBytes), gpu.tile) * cols;
  return { layout, grams, allocatedBytes: 8 * rf * order * order + buffers + 4 * 2 * gpu.depth * tile, precision: "float32" };
}
