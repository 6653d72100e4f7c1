// Trends across models: a metric against accuracy (OLS fit, Kendall's τ-b).
export { parseTrendsCsv } from "./parse-trends-csv.ts";
export { regressSeries, type SeriesRegression } from "./regress-series.ts";
export { regressTrend, type TrendRegression } from "./regress-trend.ts";
