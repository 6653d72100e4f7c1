import type { LayerPlan } from "../plan/types.ts";
import type { AnalysedLayer } from "../report/schema.ts";
import type { ByteSource } from "../safetensors/types.ts";
import { tensorValueReader } from "../safetensors/tensor-value-reader.ts";
import { analyzeLayer, type AnalyzeLayerOptions } from "./analyze-layer.ts";
import { differenceValueReader } from "../delta/difference-value-reader.ts";
import { biasDistance } from "../delta/bias-distance.ts";
import { mergedValueReader } from "../delta/merged-value-reader.ts";
import { readValues } from "../esd/read-layer-values.ts";

/** A layer's columns, or why it could not be analysed (the report's `failed` entry says it). */
export type LayerOutcome = { layer: AnalysedLayer } | { error: string };

export interface LayerOutcomeOptions extends AnalyzeLayerOptions {
  chunkBytes?: number;
}

/** Where a delta layer's other tensors are read: the model's files (its bias) and the base model's. */
export interface DeltaSources {
  open: (file: string) => ByteSource;
  openBase: (file: string) => ByteSource;
}

/**
 * One layer streamed from the source of its file, its failure caught as a message: the one place
 * both the in-process loop and the CLI's worker threads analyse a layer, so their reports agree.
 * A delta layer (plan.base) streams W − W_base from both models' files (docs/metrics.md §11).
 */
export async function analyzeLayerOutcome(plan: LayerPlan, source: ByteSource, options: LayerOutcomeOptions, delta?: DeltaSources): Promise<LayerOutcome> {
  try {
    const chunk = { chunkBytes: options.chunkBytes };
    let read = tensorValueReader(source, plan.tensor, chunk);
    if (plan.merge && plan.base) {
      if (!delta) throw new Error(`${plan.name}: a with_base layer needs the base model's files`);
      const { a, b, r } = plan.merge;
      const whole = (t: typeof a) => readValues(tensorValueReader(delta.open(t.file), t, chunk), t.shape[0] * t.shape[1], Float32Array);
      const [av, bv] = await Promise.all([whole(a), whole(b)]);
      const readW = tensorValueReader(delta.openBase(plan.base.tensor.file), plan.base.tensor, chunk);
      // an ordinary layer of W + B·A: no delta_W (analyzeLayer gives one to a plan with a base)
      return { layer: await analyzeLayer({ ...plan, base: undefined }, mergedValueReader(readW, av, bv, r, plan.cols), options) };
    }
    if (plan.base) {
      if (!delta) throw new Error(`${plan.name}: a delta layer needs the base model's files`);
      read = differenceValueReader(read, tensorValueReader(delta.openBase(plan.base.tensor.file), plan.base.tensor, chunk));
      const { shape, dtype, esd, ...columns } = await analyzeLayer(plan, read, options);
      const delta_b = await biasDistance(plan.base, delta.open, delta.openBase, options.chunkBytes);
      return { layer: { ...columns, delta_b, shape, dtype, esd } };
    }
    return { layer: await analyzeLayer(plan, read, options) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
