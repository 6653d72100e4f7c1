import { ROW_SUMMARY_KEYS, type ReportRow, type RowSummary } from "#shared/report";

export type SortKey = keyof RowSummary | keyof Pick<ReportRow, "parameters" | "created_at">;

/** What the leaderboard can be ordered by: every field of a row's summary, the size and the date. */
export const SORT_KEYS: readonly SortKey[] = [...ROW_SUMMARY_KEYS, "parameters", "created_at"];
