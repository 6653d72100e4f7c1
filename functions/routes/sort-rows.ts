import type { ReportRow, RowSummary } from "../kv/report-row.ts";

export type SortKey = keyof RowSummary | "parameters" | "created_at";

export const SORT_KEYS: readonly SortKey[] = [
  "log_alpha_norm", "alpha", "alpha_weighted", "log_spectral_norm", "log_norm", "stable_rank", "mp_softrank",
  "successful_fit_alpha", "layers_analysed", "layers_skipped", "layers_failed", "over_trained", "under_trained",
  "parameters", "created_at",
];

/** Rows ordered by one column; rows without a value (null) go last whichever the order; ties by id. */
export function sortRows(rows: ReportRow[], key: SortKey, order: "asc" | "desc"): ReportRow[] {
  const value = (row: ReportRow): number | string | null =>
    key === "parameters" || key === "created_at" ? row[key] : row.summary[key];
  const sign = order === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? a.id.localeCompare(b.id) : x === null ? 1 : -1;
    if (x < y) return -sign;
    if (x > y) return sign;
    return a.id.localeCompare(b.id);
  });
}
