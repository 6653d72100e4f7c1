import type { DeltaSources } from "#shared/analyze";
import { differenceValueReader, mergedValueReader } from "#shared/delta";
import { type ValueReader, readValues } from "#shared/esd";
import type { LayerPlan } from "#shared/plan";
import { tensorValueReader, type ByteSource } from "#shared/safetensors";

/**
 * What a task streams for its layer, as the CLI's analyzeLayerOutcome reads it: the tensor's own
 * values; in a delta analysis W − W_base from both models' files in lockstep; for an adapter's
 * lora_W_plus_AB layer W + B·A (lora_A and lora_B read whole from the adapter, W streamed from the
 * base). `plan` is the one to measure: a W + B·A layer is an ordinary one, without delta columns.
 * Every kind of task (whole layer, parts, combine, packed) reads through this, so a split delta
 * layer's parts are of the difference too.
 */
export async function layerValueReader(plan: LayerPlan, source: ByteSource, delta: DeltaSources | undefined): Promise<{ plan: LayerPlan; read: ValueReader }> {
  const read = tensorValueReader(source, plan.tensor);
  if (!plan.base) return { plan, read };
  if (!delta) throw new Error(`${plan.name}: a layer against a base needs the base model's files, and the task names no base`);
  const readBase = tensorValueReader(delta.openBase(plan.base.tensor.file), plan.base.tensor);
  if (plan.merge) {
    const { a, b, r } = plan.merge;
    const whole = (t: typeof a) => readValues(tensorValueReader(delta.open(t.file), t), t.shape[0] * t.shape[1], Float32Array);
    const [av, bv] = await Promise.all([whole(a), whole(b)]);
    return { plan: { ...plan, base: undefined }, read: mergedValueReader(readBase, av, bv, r, plan.cols) };
  }
  return { plan, read: differenceValueReader(read, readBase) };
}
