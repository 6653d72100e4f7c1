import type { TensorInfo } from "../safetensors/types.ts";

export type LayerType = "dense" | "conv2d";

/**
 * One `.weight` tensor seen by the planner (docs/metrics.md §1–2). Every `.weight` tensor gets a
 * layer_id (analysed or not), exactly as the reference counts them.
 */
export interface LayerPlan {
  layer_id: number;
  /** tensor name without the trailing `.weight` (the reference's `name`) */
  name: string;
  tensor: TensorInfo;
  layer_type: LayerType | "other";
  /** present when the layer is not analysed; says why in words a person understands */
  skip_reason?: string;
  /** rows × cols of each matrix as stored: dense [rows, cols]; conv2d slice [out, in] */
  rows: number;
  cols: number;
  /** number of matrices (1 for dense, kh·kw for conv2d) */
  rf: number;
  /** N and M as the reference reports them (with its conv2d swap quirk) */
  N: number;
  M: number;
  /** scale applied to every element before the ESD: 1 for dense, √½ (in float32) for conv2d */
  scale: number;
  /**
   * present on a LoRA adapter's `lora_BA` layer (docs/metrics.md §10): `tensor` then spans both
   * stored matrices, lora_A [r, in] and lora_B [out, r], which lie side by side in one file, and
   * rows × cols is B·A's out × in
   */
  lora?: LoraPair;
  /**
   * present in a delta analysis (`--base`, docs/metrics.md §11): the layer's values are
   * W − W_base, streamed from both models' files, and its distances are reported
   */
  base?: DeltaBase;
  /**
   * present on a `lora_W_plus_AB` layer of an adapter analysed with its base (`--peft with_base`,
   * docs/metrics.md §10): the values are W + B·A, W streamed from the base's `base.tensor`, lora_A
   * and lora_B read whole from the adapter's files
   */
  merge?: LoraMerge;
}

/** The adapter's two matrices a with_base layer adds, as B·A, to the base's W. */
export interface LoraMerge {
  r: number;
  /** lora_A [r, in] and lora_B [out, r], tensors of the adapter's files */
  a: TensorInfo;
  b: TensorInfo;
}

/** The base model's tensor a delta layer subtracts, and the biases its delta_b compares. */
export interface DeltaBase {
  /** the base's `.weight` tensor of the same name and shape (a TensorInfo of the base's files) */
  tensor: TensorInfo;
  /** the model's `<name>.bias` and the base's, when each has one (the reference's delta_b) */
  bias: TensorInfo | null;
  baseBias: TensorInfo | null;
}

/** Where a LoRA pair's two matrices lie within the layer's byte range, in elements. */
export interface LoraPair {
  r: number;
  in: number;
  out: number;
  /** element offset of lora_A [r, in] and of lora_B [out, r] from the start of the range */
  aOffset: number;
  bOffset: number;
}
