import type { WeightListing } from "../analyze/list-weight-tensors.ts";
import { isLoraAdapter } from "../plan/plan-lora-layers.ts";
import { DeltaError } from "./delta-error.ts";

/**
 * Refuses a pair whose layers cannot be subtracted: a PEFT adapter (already an update, analysed as
 * B·A, §10) on either side, or GGUF against another format (llama.cpp permutes the rows of
 * attn_q/attn_k, so those deltas would be of mismatched rows).
 */
export function checkDeltaPair(model: Pick<WeightListing, "kind" | "tensors">, base: Pick<WeightListing, "kind" | "tensors">): void {
  if (isLoraAdapter(model.tensors)) throw new DeltaError("adapter_delta", "the model is a LoRA adapter, itself an update of its base: analyse it without a base");
  if (isLoraAdapter(base.tensors)) throw new DeltaError("adapter_delta", "the base is a LoRA adapter: a base must be a full model");
  if ((model.kind === "gguf") !== (base.kind === "gguf")) {
    throw new DeltaError(
      "format_mismatch",
      `the model is ${model.kind} and the base ${base.kind}: GGUF files permute the rows of attn_q/attn_k, so a delta needs both in GGUF or neither`,
    );
  }
}
