import type { LayerPlan } from "../plan/types.ts";
import type { AnalysedLayer } from "../report/schema.ts";
import type { ByteSource } from "../safetensors/types.ts";
import { tensorValueReader } from "../safetensors/tensor-value-reader.ts";
import { analyzeLayer, type AnalyzeLayerOptions } from "./analyze-layer.ts";

/** A layer's columns, or why it could not be analysed (the report's `failed` entry says it). */
export type LayerOutcome = { layer: AnalysedLayer } | { error: string };

export interface LayerOutcomeOptions extends AnalyzeLayerOptions {
  chunkBytes?: number;
}

/**
 * One layer streamed from the source of its file, its failure caught as a message: the one place
 * both the in-process loop and the CLI's worker threads analyse a layer, so their reports agree.
 */
export async function analyzeLayerOutcome(plan: LayerPlan, source: ByteSource, options: LayerOutcomeOptions): Promise<LayerOutcome> {
  try {
    const read = tensorValueReader(source, plan.tensor, { chunkBytes: options.chunkBytes });
    return { layer: await analyzeLayer(plan, read, options) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
