import type { ReportRow, RowSummary } from "../../shared/report/report-row.ts";

export type SortKey = keyof RowSummary | keyof Pick<ReportRow, "parameters" | "created_at">;

/** What the leaderboard can be ordered by: every summary column, the size and the date. */
export const SORT_KEYS: readonly SortKey[] = [
  "log_alpha_norm", "alpha", "alpha_weighted", "log_spectral_norm", "log_norm", "stable_rank", "mp_softrank",
  "successful_fit_alpha", "layers_analysed", "layers_skipped", "layers_failed", "over_trained", "under_trained",
  "parameters", "created_at",
];
