import { regressTrend, type TrendRegression } from "./regress-trend.ts";
import type { TrendRow } from "./parse-trends-csv.ts";

export interface SeriesRegression extends TrendRegression {
  series: string;
  metric: string;
}

/** Regresses accuracy on every metric within every series, in the order they first appear. */
export function regressSeries(rows: readonly TrendRow[]): SeriesRegression[] {
  const bySeries = new Map<string, TrendRow[]>();
  for (const row of rows) {
    const list = bySeries.get(row.series) ?? [];
    list.push(row);
    bySeries.set(row.series, list);
  }
  const out: SeriesRegression[] = [];
  for (const [series, members] of bySeries) {
    if (members.length < 3) continue; // a line through two points says nothing
    for (const metric of Object.keys(members[0].metrics)) {
      const fit = regressTrend(
        members.map((m) => m.metrics[metric]),
        members.map((m) => m.accuracy),
      );
      out.push({ series, metric, ...fit });
    }
  }
  return out;
}
