import { describe, expect, it } from "vitest";
import type { StagedReport } from "./catalog-types.ts";
import { groupReports } from "./group-reports.ts";
import { compareRows, rowFromHead } from "../leaderboard/leaderboard-row.ts";

function staged(file: string, id: string, sha: string | null, created: string, logAlphaNorm: number | null, base?: string): StagedReport {
  const metrics = { log_norm: 1, alpha: 3, alpha_weighted: 1, log_alpha_norm: logAlphaNorm, log_spectral_norm: 1, stable_rank: 5, mp_softrank: 0.3 };
  return {
    file,
    head: {
      model: { id, source: "hub", revision: "main", sha, files: [], parameters: 1, dtypes: ["F32"], family: null },
      method: base ? { base: { id: base } } : {},
      created_at: created,
      summary: { reference: metrics, successful_fits: { ...metrics, layers: 1 }, layers_analysed: 1, layers_skipped: 0, layers_failed: 0, over_trained: 0, under_trained: 0, notes: [] },
    } as unknown as StagedReport["head"],
  };
}

describe("groupReports", () => {
  it("never makes a delta analysis (method.base) a model's latest while it has a report of its own", () => {
    const [model] = groupReports([staged("1.json", "a/x", "s1", "2026-01-01T00:00:00Z", 1), staged("2.json", "a/x", "s2", "2026-02-01T00:00:00Z", 2, "a/base")]);
    expect(model.latest.file).toBe("1.json");
    expect(model.revisions.map((r) => r.file)).toEqual(["1.json", "2.json"]);
  });

  it("groups revisions of a model, newest first, and drops repeats of a commit", () => {
    const models = groupReports([
      staged("1.json", "a/x", "s1", "2026-01-01T00:00:00Z", 1),
      staged("2.json", "a/x", "s2", "2026-02-01T00:00:00Z", 2),
      staged("3.json", "a/x", "s1", "2026-03-01T00:00:00Z", 3),
      staged("4.json", "b/y", "s9", "2026-01-05T00:00:00Z", 0.5),
    ]);
    expect(models).toHaveLength(2);
    const a = models.find((m) => m.id === "a/x")!;
    expect(a.slug).toBe("a/x");
    expect(a.latest.file).toBe("3.json");
    expect(a.revisions.map((r) => r.file)).toEqual(["3.json", "2.json"]);
  });
});

describe("the leaderboard's rank order", () => {
  it("ranks by log α-norm ascending with missing values last", () => {
    const ranked = groupReports([
        staged("1.json", "a/high", "s1", "2026-01-01T00:00:00Z", 4.2),
        staged("2.json", "a/none", "s2", "2026-01-01T00:00:00Z", null),
        staged("3.json", "a/low", "s3", "2026-01-01T00:00:00Z", -0.3),
        staged("4.json", "a/mid", "s4", "2026-01-01T00:00:00Z", 1.7),
    ])
      .map((m) => rowFromHead(m.latest.head, m.slug))
      .sort(compareRows);
    expect(ranked.map((r) => r.id)).toEqual(["a/low", "a/mid", "a/high", "a/none"]);
  });
});
