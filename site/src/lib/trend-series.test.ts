import { describe, expect, it } from "vitest";
import type { ModelEntry, StagedReport } from "./catalog-types.ts";
import { trendSeries } from "./trend-series.ts";

function model(id: string, logAlphaNorm: number, logNorm: number | null): ModelEntry {
  const reference = { log_norm: logNorm, alpha: 3, alpha_weighted: 2, log_alpha_norm: logAlphaNorm, log_spectral_norm: 1, stable_rank: 5, mp_softrank: 0.3 };
  const latest = { file: `${id}.json`, head: { summary: { reference } } } as unknown as StagedReport;
  return { slug: id, id, source: "hub", latest, revisions: [latest] };
}

describe("trendSeries", () => {
  it("regresses accuracy on each metric within a series and skips models not analysed", () => {
    const models = [model("a/s", 3, 1), model("a/m", 2, 1), model("a/l", 1, null), model("b/x", 0, 0)];
    const accuracies = [
      { model: "a/s", series: "A", accuracy: 60, source: "x" },
      { model: "a/m", series: "A", accuracy: 70, source: "x" },
      { model: "a/l", series: "A", accuracy: 80, source: "x" },
      { model: "a/missing", series: "A", accuracy: 90, source: "x" },
      { model: "b/x", series: "B", accuracy: 50, source: "x" },
    ];
    const [a, b] = trendSeries(models, accuracies);
    expect(a.series).toBe("A");
    expect(a.points.map((p) => p.id)).toEqual(["a/s", "a/m", "a/l"]);
    const lan = a.fits.find((f) => f.metric === "log_alpha_norm")!;
    expect(lan.fit!.slope).toBeCloseTo(-10, 12);
    expect(lan.fit!.r2).toBeCloseTo(1, 12);
    expect(lan.fit!.kendall_tau).toBeCloseTo(-1, 12);
    // log_norm: one value missing and the other two equal
    expect(a.fits.find((f) => f.metric === "log_norm")!.fit).toBeNull();
    expect(b.fits.every((f) => f.fit === null)).toBe(true);
  });
});
