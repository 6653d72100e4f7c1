// A fine-tune whose card names its base (base_model_relation: finetune) is compared with that base
// beside its own analysis (startBaseComparison), end to end inside workerd against the mock Hub's
// delta/* models (test/workers/write-delta-models.ts). Whatever the base does, the model gets its
// own report, and GET /api/comparisons/… says what became of the comparison.
import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { waitForJob } from "../../test/workers/wait-for-job.ts";
import { workerFetch } from "../../test/workers/worker-fetch.ts";
import type { BaseComparison } from "./base-comparison.ts";

type Started = { state: string; key: string; report_url: string; comparison_url?: string };
type Comparison = BaseComparison & { report_url: string | null };

const trigger = async (model: string): Promise<Started> => {
  const answer = await workerFetch("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model }) });
  expect([200, 202], await answer.clone().text()).toContain(answer.status);
  return (await answer.json()) as Started;
};

const comparisonOf = async (url: string): Promise<Comparison> => {
  const answer = await workerFetch(url);
  expect(answer.status, await answer.clone().text()).toBe(200);
  return (await answer.json()) as Comparison;
};

/** The model's own analysis runs to the end and is the model's, not a delta. */
async function expectOwnReport(started: Started): Promise<void> {
  expect((await waitForJob(started.key)).state).toBe("done");
  const own = (await (await workerFetch(started.report_url)).json()) as Report;
  expect(own.method.base).toBeUndefined();
}

describe("a fine-tune compared with its base", () => {
  it("runs the delta analysis against the base's head beside the model's own, and answers it once done", async () => {
    const started = await trigger("delta/small-tuned");
    const sha = started.key.slice(started.key.indexOf("@") + 1);
    expect(started.comparison_url).toBe(`/api/comparisons/delta/small-tuned@${sha}`);
    const pending = await comparisonOf(started.comparison_url!);
    expect(pending).toMatchObject({ id: "delta/small-tuned", sha, base: { id: "delta/small-base", revision: "main", sha: expect.stringMatching(/^[0-9a-f]{40}$/) }, message: null });
    expect(pending.key).toBe(`delta/small-tuned@${sha}/delta/delta/small-base@${pending.base.sha}`);
    await expectOwnReport(started);
    expect((await waitForJob(pending.key!)).state).toBe("done");
    // the base was analysed too: its card is the comparison's other side
    expect((await waitForJob(`delta/small-base@${pending.base.sha}`)).state).toBe("done");
    expect((await workerFetch("/api/reports/delta/small-base")).status).toBe(200);

    const done = await comparisonOf(started.comparison_url!);
    expect(done).toMatchObject({ state: "done", key: pending.key, report_url: `/api/reports/${pending.key}` });
    const delta = (await (await workerFetch(done.report_url!)).json()) as Report;
    expect(delta.method.base).toMatchObject({ id: "delta/small-base", sha: pending.base.sha });
    expect(delta.layers.length).toBeGreaterThan(0);
    for (const layer of delta.layers) expect(layer.delta_W).toBeGreaterThan(0);
    // the latest report's comparison, by the model's id alone; a second trigger keeps it
    expect(await comparisonOf("/api/comparisons/delta/small-tuned")).toMatchObject({ state: "done", sha });
    const again = await trigger("delta/small-tuned");
    expect(again).toMatchObject({ state: "done", comparison_url: started.comparison_url });
    expect((await comparisonOf(started.comparison_url!)).updated_at).toBe(done.updated_at);
  });

  it("says the base is gated, missing or cannot be paired, and still reports the model", async () => {
    const cases = [
      { model: "delta/tuned-gated", base: "trust/gated", state: "base_gated", message: /gated on the Hub/ },
      { model: "delta/tuned-orphan", base: "delta/absent", state: "base_missing", message: /no public model delta\/absent/ },
    ];
    for (const c of cases) {
      const started = await trigger(c.model);
      const comparison = await comparisonOf(started.comparison_url!);
      expect(comparison, c.model).toMatchObject({ state: c.state, base: { id: c.base, sha: null }, key: null, report_url: null });
      expect(comparison.message).toMatch(c.message);
      await expectOwnReport(started);
    }
    const alien = await trigger("delta/tuned-alien");
    // pending, or already settled when planning refused the pair first
    const pending = await comparisonOf(alien.comparison_url!);
    expect(["pending", "base_incompatible"]).toContain(pending.state);
    expect((await waitForJob(pending.key!)).state).toBe("failed");
    const settled = await comparisonOf(alien.comparison_url!);
    expect(settled).toMatchObject({ state: "base_incompatible", base: { id: "delta/lora-base" }, report_url: null });
    expect(settled.message).toMatch(/no layer of the model has a counterpart of the same name and shape in the base/);
    await expectOwnReport(alien);
  });

  it("is not started for a model whose card names no fine-tune base", async () => {
    const started = await trigger("delta/small-base");
    expect(started.comparison_url).toBeUndefined();
    await expectOwnReport(started);
    const none = await workerFetch("/api/comparisons/delta/small-base");
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: "comparison_not_found" });
    expect((await workerFetch("/api/comparisons/delta/small-base@nothex")).status).toBe(400);
  });
});
