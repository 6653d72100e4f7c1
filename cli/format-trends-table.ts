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
        // two decimals, as the paper's Table 1 prints them
        f.rmse.toFixed(2),
        f.r2.toFixed(2),
        f.kendall_tau.toFixed(2),
      ]),
      [false, false, true, true, true, true, true, true],
    ) + "\n"
  );
}
