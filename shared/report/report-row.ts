import { firstHubBase, type NamedBase } from "../lineage/first-base.ts";
import { SUMMARY_METRICS } from "./layer-columns.ts";
import type { Num, Report, ReportSummary } from "./schema.ts";

/** One line of `/api/reports` and `/api/leaderboard` (docs/api.md). */
export interface ReportRow {
  key: string;
  id: string;
  sha: string;
  family: string | null;
  parameters: number;
  created_at: string;
  latest: boolean;
  /** the Hub model the report names first as its base (model.lineage), with the card's relation; null when it names none on the Hub */
  base: NamedBase | null;
  summary: RowSummary;
}

/** The summary's counts a row carries beside the reference's means (SUMMARY_METRICS). */
export const ROW_COUNTS = ["layers_analysed", "layers_skipped", "layers_failed", "over_trained", "under_trained"] as const;

/** Every field of a row's summary, the leaderboard's sort keys among them: the means, the mean α of the fits that succeeded, the counts. */
export const ROW_SUMMARY_KEYS = [...SUMMARY_METRICS, "successful_fit_alpha", ...ROW_COUNTS] as const;

export type RowSummary = Record<(typeof SUMMARY_METRICS)[number] | "successful_fit_alpha", Num> & Record<(typeof ROW_COUNTS)[number], number>;

/** What KV keeps as a key's metadata (≤ 1024 bytes): the row less what the key name already says. */
export type RowMetadata = Pick<ReportRow, "family" | "parameters" | "created_at" | "base" | "summary">;

const MAX_FAMILY_LENGTH = 64;

/** The row's metadata for a report. */
export function rowMetadata(report: Report): RowMetadata {
  return {
    family: report.model.family === null ? null : report.model.family.slice(0, MAX_FAMILY_LENGTH),
    parameters: report.model.parameters,
    created_at: report.created_at,
    base: firstHubBase(report.model),
    summary: rowSummary(report.summary),
  };
}

/** A report summary as a row carries it: the reference's means, the fits' mean α, the counts. */
export function rowSummary(s: ReportSummary): RowSummary {
  return {
    ...(Object.fromEntries(SUMMARY_METRICS.map((k) => [k, s.reference[k]])) as Record<(typeof SUMMARY_METRICS)[number], Num>),
    successful_fit_alpha: s.successful_fits.alpha,
    ...(Object.fromEntries(ROW_COUNTS.map((k) => [k, s[k]])) as Record<(typeof ROW_COUNTS)[number], number>),
  };
}
