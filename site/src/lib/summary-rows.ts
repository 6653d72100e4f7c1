import { LAYER_COLUMNS, SUMMARY_METRICS, type SummaryMetrics } from "#shared/report";

export interface SummaryRow {
  key: keyof SummaryMetrics;
  /** the layer column's label: a summary metric is that column's mean */
  label: string;
  /** what it holds: the layer column's meaning */
  note: string;
}

/** the metric the leaderboards rank by */
export const RANKING: keyof SummaryMetrics = "log_alpha_norm";

/**
 * The summary's means as the site shows them (the card's summary, the compare page), read off the
 * report contract: every SUMMARY_METRICS key under its layer column's label and meaning, the
 * ranking metric first and the rest in the contract's order.
 */
export const SUMMARY_ROWS: readonly SummaryRow[] = [RANKING, ...SUMMARY_METRICS.filter((key) => key !== RANKING)].map((key) => {
  const column = LAYER_COLUMNS.find((c) => c.key === key)!;
  return { key, label: column.label, note: key === RANKING ? `${column.meaning}; the ranking metric, lower is better within a series` : column.meaning };
});
