import type { ModelEntry, StagedReport } from "./catalog-types.ts";

/**
 * A model's newest report of its own weights: a delta analysis (method.base) describes W − W_base,
 * not the model, so it stands for the model only when there is nothing else.
 */
export function plainLatest(model: ModelEntry): StagedReport {
  return model.revisions.find((r) => !r.head.method.base) ?? model.latest;
}
