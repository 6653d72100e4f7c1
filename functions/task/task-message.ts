import type { LayerPlan } from "#shared/plan";

/**
 * The work of one task. A layer that fits one invocation is one `layer` task. A larger one is
 * split: `tall-part`s (the partial Gram WᵀW of a row range) or `wide-block`s (the block
 * G[I,J] = W_I W_Jᵀ of WWᵀ for row panels I ≥ J), whose results wait in KV for the `combine` task
 * that adds them up into the Grams, solves them, and measures the layer. A dense layer whose full
 * Gram cannot be held at all has its Gram packed in WASM memory, without randomization: a tall one
 * in one `packed` task, a wide one as `wide-band`s (the lower band of WWᵀ in columns
 * [rowStart, rowEnd), wasmLowerBand) that a `combine` with `packed` puts into the packed Gram.
 */
export type TaskWork =
  /** randomize false: a lora_BA layer whose shuffled product's Gram does not fit one task (splitLayer) */
  | { kind: "layer"; randomize?: false }
  | { kind: "packed" }
  | { kind: "tall-part"; rowStart: number; rowEnd: number }
  | { kind: "wide-block"; i: number; j: number; panelRows: number }
  | { kind: "wide-band"; rowStart: number; rowEnd: number }
  | { kind: "combine"; parts: { task: string; work: TaskWork }[]; randomize: boolean; packed?: true };

/**
 * One queue message: keys, the layer's plan and its byte range (`plan.tensor.begin/end` in
 * `plan.tensor.file`), never weights; well under the 128 KB limit.
 */
export interface TaskMessage {
  /** the job's key, `org/name@sha` */
  key: string;
  id: string;
  sha: string;
  /** the task's id within the job, e.g. `000012` or `000012:p0003` */
  task: string;
  plan: LayerPlan;
  work: TaskWork;
  /** the report's randomization seed */
  seed: number;
  /** in an analysis against a base (delta or with_base): the base's commit, whose files `plan.base` names */
  base?: { id: string; sha: string };
}
