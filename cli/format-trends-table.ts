import { formatMetric } from "#shared/format";
import type { SeriesRegression } from "#shared/trends";
import { renderTable } from "./render-table.ts";

/**
 * One line per series and metric: the OLS fit of accuracy on the metric, RMSE, R², Kendall τ-b.
 * Printed as the site's trends page prints them (shared/format): slope and intercept with three
 * decimals, RMSE, R² and τ with two, as the paper's Table 1 does (an exact τ of −1 prints as -1).
 */
export function formatTrendsTable(fits: SeriesRegression[]): string {
  return (
    renderTable(
      ["series", "metric", "n", "slope", "intercept", "RMSE", "R²", "Kendall τ"],
      fits.map((f) => [
        f.series,
        f.metric,
        String(f.n),
        formatMetric(f.slope, 3),
        formatMetric(f.intercept, 3),
        formatMetric(f.rmse, 2),
        formatMetric(f.r2, 2),
        formatMetric(f.kendall_tau, 2),
      ]),
      [false, false, true, true, true, true, true, true],
    ) + "\n"
  );
}
