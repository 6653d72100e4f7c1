import type { LayerPlan } from "../plan/types.ts";
import { loraLayerBytes } from "./lora-layer-bytes.ts";
import { quantizedReadBytes } from "../quantized/quantized-read-bytes.ts";
import { DEFAULT_PANEL_BYTES } from "../esd/panel-rows.ts";
import { DEFAULT_MAX_PROJECTION_BYTES, DEFAULT_MAX_SUBSPACE } from "../esd/refine-small-singular-values.ts";

export interface LayerMemoryOptions {
  randomize: boolean;
  /** as analyzeLayer's: values up to this many bytes are held */
  holdValuesBytes: number;
}

const MIB = 2 ** 20;
// the WASM engine's row staging (8 MiB), the stream's chunks, the fits' arrays
const FIXED_BYTES = 24 * MIB;

/**
 * An upper estimate of the memory one layer takes while analyzeLayer runs it, for scheduling
 * layers side by side under a budget: its held values (4 bytes each; a conv2d layer's randomized
 * slices are copied once more), twice its float64 Grams (the Grams handed back and the engine's
 * copy it accumulates and solves in), a wide layer's two row panels (float64 and float32), and the
 * small end's refinement at its limits, and a quantized weight's packed words held while it is
 * dequantized (its float32 values count 4 bytes each, as any layer's). Measured peak RSS growth stayed below it on the WASM
 * engine: 4096² 271 MiB of 360, 2048² 77 of 112, 768×3072 80 of 98, 3072×768 31 of 50, 1024² randomized 30 of 48 (docs/engine.md).
 */
export function layerMemoryBytes(plan: LayerPlan, options: LayerMemoryOptions): number {
  if (plan.lora) return loraLayerBytes(plan.lora, options.randomize) + FIXED_BYTES;
  const { rows, cols, rf } = plan;
  const order = Math.min(rows, cols);
  const valueBytes = 4 * rows * cols * rf;
  const held = options.randomize ? (rf > 1 ? 2 : 1) * valueBytes : valueBytes <= options.holdValuesBytes ? valueBytes : 0;
  const grams = 2 * rf * order * order * 8;
  const panels = rows < cols ? 3 * DEFAULT_PANEL_BYTES : 0;
  const refinement = rf * Math.min(DEFAULT_MAX_SUBSPACE, order) * order * 8 + Math.min(DEFAULT_MAX_PROJECTION_BYTES, DEFAULT_MAX_SUBSPACE * Math.max(rows, cols) * 8);
  // a quantized weight's reader holds packed words beside the float32 values (GPTQ/AWQ: up to 16 MiB a pass)
  const packed = quantizedReadBytes(plan.tensor, 0, rows)?.held ?? 0;
  return held + grams + panels + refinement + packed + FIXED_BYTES;
}
