import { firstHubBase, type NamedBase } from "../lineage/first-base.ts";
import type { Num, Report } from "./schema.ts";

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

export interface RowSummary {
  log_alpha_norm: Num;
  alpha: Num;
  alpha_weighted: Num;
  log_spectral_norm: Num;
  log_norm: Num;
  stable_rank: Num;
  mp_softrank: Num;
  successful_fit_alpha: Num;
  layers_analysed: number;
  layers_skipped: number;
  layers_failed: number;
  over_trained: number;
  under_trained: number;
}

/** What KV keeps as a key's metadata (≤ 1024 bytes): the row less what the key name already says. */
export type RowMetadata = Pick<ReportRow, "family" | "parameters" | "created_at" | "base" | "summary">;

const MAX_FAMILY_LENGTH = 64;

/** The row's metadata for a report. */
export function rowMetadata(report: Report): RowMetadata {
  const s = report.summary;
  return {
    family: report.model.family === null ? null : report.model.family.slice(0, MAX_FAMILY_LENGTH),
    parameters: report.model.parameters,
    created_at: report.created_at,
    base: firstHubBase(report.model),
    summary: {
      log_alpha_norm: s.reference.log_alpha_norm,
      alpha: s.reference.alpha,
      alpha_weighted: s.reference.alpha_weighted,
      log_spectral_norm: s.reference.log_spectral_norm,
      log_norm: s.reference.log_norm,
      stable_rank: s.reference.stable_rank,
      mp_softrank: s.reference.mp_softrank,
      successful_fit_alpha: s.successful_fits.alpha,
      layers_analysed: s.layers_analysed,
      layers_skipped: s.layers_skipped,
      layers_failed: s.layers_failed,
      over_trained: s.over_trained,
      under_trained: s.under_trained,
    },
  };
}
