import { DEFAULT_CHUNK_BYTES } from "#shared/safetensors";
import type { LayerPlan } from "#shared/plan";

/**
 * Memory a layer read against a base holds beyond an ordinary layer's: a delta's second stream
 * chunk and the difference chunk it yields (differenceValueReader), or for W + B·A lora_A and
 * lora_B whole as float32 and the merged chunk (mergedValueReader). splitLayer takes it off the
 * task's budget, so a delta layer splits (or packs) where its reads would not fit beside the Grams.
 */
export function baseReadBytes(plan: LayerPlan): number {
  if (!plan.base) return 0;
  if (plan.merge) {
    const { a, b } = plan.merge;
    return 4 * (a.shape[0] * a.shape[1] + b.shape[0] * b.shape[1]) + 2 * DEFAULT_CHUNK_BYTES;
  }
  return 2 * DEFAULT_CHUNK_BYTES;
}
