import type { Num } from "#shared/report";
import { regressTrend, type TrendRegression } from "#shared/trends";
import type { AccuracyRow, ModelEntry } from "./catalog-types.ts";

/** The model-level metrics the paper regresses accuracy on (docs/metrics.md §7). */
export const TREND_METRICS = ["log_norm", "log_spectral_norm", "alpha_weighted", "log_alpha_norm"] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

export interface TrendPoint {
  id: string;
  slug: string;
  accuracy: number;
  source: string;
  metrics: Record<TrendMetric, Num>;
}

export interface TrendSeries {
  series: string;
  points: TrendPoint[];
  /** one regression per metric; null where fewer than 3 models have a finite value */
  fits: { metric: TrendMetric; fit: TrendRegression | null; n: number }[];
}

/**
 * Joins the analysed models with their curated accuracies, series by series, and regresses
 * accuracy on each metric of the latest reports (the reference's summary means).
 * Accuracies of models not analysed yet are left out.
 */
export function trendSeries(models: readonly ModelEntry[], accuracies: readonly AccuracyRow[]): TrendSeries[] {
  const byId = new Map(models.map((m) => [m.id, m]));
  const series = new Map<string, TrendPoint[]>();
  for (const row of accuracies) {
    const model = byId.get(row.model);
    if (!model) continue;
    const summary = model.latest.head.summary.reference;
    const metrics = Object.fromEntries(TREND_METRICS.map((k) => [k, summary[k]])) as Record<TrendMetric, Num>;
    series.set(row.series, [
      ...(series.get(row.series) ?? []),
      { id: model.id, slug: model.slug, accuracy: row.accuracy, source: row.source, metrics },
    ]);
  }
  return [...series].map(([name, points]) => ({
    series: name,
    points,
    fits: TREND_METRICS.map((metric) => {
      const usable = points.filter((p) => p.metrics[metric] !== null);
      // a line through two points, or through one repeated x, says nothing
      const fit =
        usable.length >= 3 && new Set(usable.map((p) => p.metrics[metric])).size > 1
          ? regressTrend(
              usable.map((p) => p.metrics[metric] as number),
              usable.map((p) => p.accuracy),
            )
          : null;
      return { metric, fit, n: usable.length };
    }),
  }));
}
