import type { LayerPlan } from "../../shared/plan/types.ts";

/**
 * One queue message: a layer to analyse. It carries keys, the layer's plan and its byte range
 * (`plan.tensor.begin/end` in `plan.tensor.file`), never weights; well under the 128 KB limit.
 */
export interface TaskMessage {
  /** the job's key, `org/name@sha` */
  key: string;
  id: string;
  sha: string;
  plan: LayerPlan;
  /** the report's randomization seed */
  seed: number;
  /** which dispatch of this layer by the job (1, 2, …): results of an older dispatch still count */
  dispatch: number;
}
