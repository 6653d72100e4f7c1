import type { JobBase } from "./job-types.ts";

/**
 * The report's note on what an analysis against a base measured, word for word the CLI's
 * (analyzeModel), so a served delta report equals the CLI's on the same pair.
 */
export function baseNote(base: Pick<JobBase, "id" | "sha" | "mode">): string {
  const at = `${base.id} at ${base.sha.slice(0, 12)}`;
  return base.mode === "with_base"
    ? `A LoRA adapter analysed with its base ${at} (the reference's peft="with_base"): each lora_W_plus_AB layer's spectrum is of W + B·A, unscaled by lora_alpha / r as the reference adds it; each lora_BA layer is B·A alone.`
    : `A delta analysis against ${at}: every layer's spectrum is of W − W_base, and its metrics describe the update, not the weights themselves.`;
}
