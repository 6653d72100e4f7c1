import type { Report } from "#shared/report";

/** A report without its per-layer arrays: what lists and leaderboards need. */
export type ReportHead = Omit<Report, "layers" | "skipped" | "failed">;

/** One validated report as the build staged it: its head, and the file holding the whole document. */
export interface StagedReport {
  file: string;
  head: ReportHead;
}

/** One model's curated accuracy (site/data/accuracies.csv), for the trends page. */
export interface AccuracyRow {
  model: string;
  series: string;
  accuracy: number;
  source: string;
}

/** What the build hands to the pages (written by site/builder/stage-site-data.ts). */
export interface StagedIndex {
  reports: StagedReport[];
  accuracies: AccuracyRow[];
}

/** A model and its reports, newest first. */
export interface ModelEntry {
  slug: string;
  id: string;
  source: "hub" | "local";
  latest: StagedReport;
  revisions: StagedReport[];
}
