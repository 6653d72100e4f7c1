import { describe, expect, it } from "vitest";
import type { ReportSummary, SummaryMetrics } from "../report/schema.ts";
import { badgeContent } from "./badge-content.ts";

function summary(alpha: number | null, fits = 3): ReportSummary {
  const metrics: SummaryMetrics = { log_norm: 1, alpha: -1, alpha_weighted: 1, log_alpha_norm: 1, log_spectral_norm: 1, stable_rank: 1, mp_softrank: 1 };
  return {
    reference: metrics,
    successful_fits: { ...metrics, alpha, layers: fits },
    layers_analysed: 4, layers_skipped: 0, layers_failed: 0, over_trained: 1, under_trained: 0, notes: [],
  };
}

describe("badgeContent", () => {
  it("reads the mean α over successful fits, not the reference mean with α = −1", () => {
    expect(badgeContent(summary(3.4166))).toEqual({ label: "heavytail α", message: "3.42 well-trained", color: "brightgreen" });
  });
  it.each([
    [1.5, "1.50 over-trained", "orange"],
    [2, "2.00 well-trained", "brightgreen"],
    [6, "6.00 well-trained", "brightgreen"],
    [7.25, "7.25 under-trained", "yellow"],
  ])("α %f → %s", (alpha, message, color) => {
    expect(badgeContent(summary(alpha))).toMatchObject({ message, color });
  });
  it("says when no fit succeeded and when nothing was analysed", () => {
    expect(badgeContent(summary(null, 0))).toMatchObject({ message: "fit failed", color: "red" });
    expect(badgeContent(null)).toMatchObject({ message: "not analysed", color: "lightgrey" });
  });
});
