import type { WeightListing } from "#shared/analyze";
import { checkDeltaPair, DeltaError, matchBaseLayers } from "#shared/delta";
import { planLayers, isLoraAdapter, planLoraWithBase, type LayerPlan } from "#shared/plan";
import type { ByteSource } from "#shared/safetensors";
import { ApiError } from "../http/api-error.ts";
import type { BaseMode } from "./derived-key.ts";

/** What planModel needs of the base: its weight files, how to open one, and what to compute against it. */
export interface BasePlanInput {
  mode: BaseMode;
  files: string[];
  open: (file: string) => ByteSource;
}

/** Codes of planAgainstBase's refusals: the job fails with their message as it is. */
export const BASE_PLAN_CODES: ReadonlySet<string> = new Set(["adapter_delta", "format_mismatch", "base_incompatible"]);

/**
 * The model's layer plans against its base, as the CLI plans them (analyzeModel): a delta pairs
 * each layer with the base's tensor of the same name and shape (matchBaseLayers), an adapter's
 * with_base adds W + B·A per adapted module (planLoraWithBase); layers that do not pair are
 * skipped with the reason. A pair with nothing to compare fails here, at planning, saying why, so
 * no report of zero layers stands for it.
 */
export function planAgainstBase(model: WeightListing, base: WeightListing, mode: BaseMode): LayerPlan[] {
  let plans: LayerPlan[];
  try {
    if (mode === "with_base") {
      if (!isLoraAdapter(model.tensors)) throw new DeltaError("adapter_delta", "peft with_base analyses a LoRA adapter with its base; the model is not an adapter");
      if (isLoraAdapter(base.tensors)) throw new DeltaError("adapter_delta", "the base is a LoRA adapter: a base must be a full model");
      plans = planLoraWithBase(model.tensors, base.tensors);
    } else {
      checkDeltaPair(model, base);
      plans = matchBaseLayers(planLayers(model.tensors), model.tensors, base.tensors);
    }
  } catch (error) {
    if (error instanceof DeltaError) throw new ApiError(error.status, error.code, error.message);
    throw error;
  }
  const paired = plans.filter((p) => p.skip_reason === undefined && p.base !== undefined);
  if (paired.length === 0) {
    const reasons = [...new Set(plans.flatMap((p) => (p.skip_reason !== undefined && /base/i.test(p.skip_reason) ? [p.skip_reason] : [])))];
    throw new ApiError(
      422,
      "base_incompatible",
      `no layer of the model has a counterpart of the same name and shape in the base, so there is nothing to compare${reasons.length > 0 ? ` (${reasons.slice(0, 3).join("; ")})` : ""}`,
    );
  }
  return plans;
}
