import { fitOls, type OlsFit } from "./fit-ols.ts";
import { kendallTauB } from "./kendall-tau-b.ts";

export interface TrendRegression extends OlsFit {
  kendall_tau: number;
}

/** The paper's regression (docs/metrics.md §7): accuracy on a model-level metric, plus Kendall τ-b. */
export function regressTrend(metric: readonly number[], accuracy: readonly number[]): TrendRegression {
  return { ...fitOls(metric, accuracy), kendall_tau: kendallTauB(metric, accuracy) };
}
