import type { SeriesRegression } from "../shared/trends/regress-series.ts";
import { formatNumber } from "./format-number.ts";
import { renderTable } from "./render-table.ts";

/** One line per series and metric: the OLS fit of accuracy on the metric, RMSE, R², Kendall τ-b. */
export function formatTrendsTable(fits: SeriesRegression[]): string {
  return (
    renderTable(
      ["series", "metric", "n", "slope", "intercept", "RMSE", "R²", "Kendall τ"],
      fits.map((f) => [
        f.series,
        f.metric,
        String(f.n),
        formatNumber(f.slope),
        formatNumber(f.intercept),
        formatNumber(f.rmse, 2),
        formatNumber(f.r2, 2),
        formatNumber(f.kendall_tau, 2),
      ]),
      [false, false, true, true, true, true, true, true],
    ) + "\n"
  );
}
