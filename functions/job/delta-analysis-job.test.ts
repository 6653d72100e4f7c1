// The service's delta analysis (POST /api/analyze with "base"), end to end inside workerd against
// the mock Hub's delta/base and delta/tuned (test/workers/write-delta-models.ts): planned with
// the base's listing, every task kind reading W − W_base from both repos, the report equal to the
// CLI's (analyzeModel with the same engine and seed) and stored apart from the model's own.
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { analyzeModel } from "#shared/analyze";
import { httpByteSource, resolveModelRevision } from "#shared/hub";
import { type Report, validateReport } from "#shared/report";
import { expectSameNumbers } from "../../test/e2e/expect-same-numbers.ts";
import { readConfig } from "../config.ts";
import { workerEngine } from "../engine.ts";
import type { Env } from "../env.ts";
import { hubFileSource } from "../hub/hub-file-source.ts";
import { runTaskWork } from "../task/run-task-work.ts";
import type { TaskMessage } from "../task/task-message.ts";
import { waitForJob } from "../../test/workers/wait-for-job.ts";
import { workerFetch } from "../../test/workers/worker-fetch.ts";
import type { JobStatus } from "./job-types.ts";
import { planModel } from "./plan-model.ts";

const hubUrl = inject("hubUrl");
const bindings = env as unknown as Env;
const config = readConfig(bindings);
const post = (body: object) => workerFetch("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function analyse(body: object): Promise<{ key: string; report: Report; reportUrl: string; status: JobStatus }> {
  const started = await post(body);
  expect(started.status, await started.clone().text()).toBe(202);
  const { key, report_url } = (await started.json()) as { key: string; report_url: string };
  const status = await waitForJob(key);
  expect(status, JSON.stringify(status)).toMatchObject({ state: "done", layers: { failed: 0 } });
  const answer = await workerFetch(report_url);
  expect(answer.status).toBe(200);
  const report = (await answer.json()) as Report;
  const validation = validateReport(report);
  expect(validation.ok, validation.ok ? "" : validation.errors.join("\n")).toBe(true);
  return { key, report, reportUrl: report_url, status };
}

/** The CLI's analysis of the pair (analyzeModel, in-process runner), on the service's engine and seed. */
async function cliReport(id: string, baseId: string, peft?: "with_base"): Promise<Report> {
  const [model, base] = await Promise.all([resolveModelRevision(id, "main", { hubUrl }), resolveModelRevision(baseId, "main", { hubUrl })]);
  const files = (m: typeof model) => ({
    files: [m.files.some((f) => f.name === "adapter_model.safetensors") ? "adapter_model.safetensors" : "model.safetensors"],
    open: (file: string) => httpByteSource(`${hubUrl}/${m.id}/resolve/${m.sha}/${file}`),
  });
  return analyzeModel(files(model), { id, source: "hub", revision: "main", sha: model.sha, family: model.family }, {
    randomize: true,
    seed: config.seed,
    engine: workerEngine.name,
    eigvalsh: workerEngine.eigvalsh,
    grams: workerEngine.grams,
    base: { model: files(base), description: { id: baseId, source: "hub", revision: "main", sha: base.sha } },
    ...(peft && { peft }),
  });
}

function expectSameAsCli(served: Report, cli: Report): void {
  // split layers add their parts' Grams in another order than one whole Gram: float64 rounding apart
  expectSameNumbers(served.layers, cli.layers, 1e-12);
  expectSameNumbers(served.summary, cli.summary, 1e-12);
  expect(served.skipped).toEqual(cli.skipped);
  expect(served.failed).toEqual(cli.failed);
  expect(served.method).toEqual(cli.method);
  expect(served.model.parameters).toBe(cli.model.parameters);
  expect(served.model.files).toEqual(cli.model.files);
}

describe("delta analysis in the service", () => {
  it("reports W − W_base per layer as the CLI does, under a key of both commits, apart from the model's own report", async () => {
    const { key, report, reportUrl, status } = await analyse({ model: "delta/tuned", base: "delta/base" });
    // the MLP's delta layers were split into parts (EDGE_TASK_FLOPS of the suites) and combined
    expect(status.tasks.total).toBeGreaterThan(status.layers.total);
    const baseSha = (await resolveModelRevision("delta/base", "main", { hubUrl })).sha;
    expect(key).toMatch(new RegExp(`^delta/tuned@[0-9a-f]{40}/delta/delta/base@${baseSha}$`));
    expect(reportUrl).toBe(`/api/reports/${key}`);
    expect(report.method.base).toMatchObject({ id: "delta/base", source: "hub", revision: "main", sha: baseSha, files: [{ name: "model.safetensors" }] });
    expect(report.layers.length).toBeGreaterThan(5);
    for (const layer of report.layers) expect(layer.delta_W).toBeGreaterThan(0);
    const q = report.layers.find((l) => l.name === "model.layers.0.self_attn.q_proj")!;
    expect(q.delta_b).toBeGreaterThan(0);
    expect(report.layers.find((l) => l.name === "lm_head")!.delta_b).toBe(0);
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "model.embed_tokens", reason: expect.stringMatching(/^its shape \[100, 256\] differs from the base's \[96, 256\]/) }),
        expect.objectContaining({ name: "score", reason: expect.stringMatching(/^not in the base model/) }),
      ]),
    );
    expect(report.summary.avg_dW).toBeCloseTo(report.layers.reduce((s, l) => s + l.delta_W!, 0) / report.layers.length, 12);
    expect(report.summary.avg_db).toBeCloseTo(report.layers.reduce((s, l) => s + l.delta_b!, 0) / report.layers.length, 12);
    expectSameAsCli(report, await cliReport("delta/tuned", "delta/base"));

    // stored apart: the model has no report of its own, no badge, no leaderboard row
    expect((await workerFetch("/api/reports/delta/tuned")).status).toBe(404);
    const listed = (await (await workerFetch("/api/reports?limit=1000")).json()) as { reports: { id: string }[] };
    expect(listed.reports.some((r) => r.id === "delta/tuned")).toBe(false);
    const board = (await (await workerFetch("/api/leaderboard?q=delta/tuned")).json()) as { total: number };
    expect(board.total).toBe(0);
    // listed apart, for the site's compare pages, by the key that answers it
    const derived = (await (await workerFetch("/api/derived-reports?limit=1000")).json()) as { reports: { key: string; id: string; sha: string; base: object }[] };
    expect(derived.reports).toContainEqual({ key, id: "delta/tuned", sha: report.model.sha, base: { id: "delta/base", sha: baseSha, mode: "delta" } });
    // a second trigger answers the stored report
    const again = await post({ model: "delta/tuned", base: "delta/base@main" });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ state: "done", key, report: { method: { base: { sha: baseSha } } } });
    // the model's own analysis is its own key, report and latest; its card names delta/base as
    // what it was fine-tuned from, so it is compared with it: the delta report above answers
    const own = await analyse({ model: "delta/tuned" });
    const comparison = (await (await workerFetch(`/api/comparisons/${own.key}`)).json()) as { state: string; report_url: string };
    expect(comparison).toMatchObject({ state: "done", report_url: reportUrl });
    expect(own.key).toBe(key.slice(0, key.indexOf("/delta/")));
    expect(own.report.method.base).toBeUndefined();
    expect(own.report.summary.avg_dW).toBeUndefined();
    expect((await workerFetch(own.reportUrl)).status).toBe(200);
    const relisted = (await (await workerFetch("/api/reports?limit=1000")).json()) as { reports: { key: string }[] };
    expect(relisted.reports.map((r) => r.key)).toContain(own.key);
    // and the delta report is still there, unchanged
    expect(((await (await workerFetch(reportUrl)).json()) as Report).created_at).toBe(report.created_at);
  });

  it("gives a delta layer's packed task the whole task's columns and the same delta_W", async () => {
    const [model, base] = await Promise.all([resolveModelRevision("delta/tuned", "main", { hubUrl }), resolveModelRevision("delta/base", "main", { hubUrl })]);
    const open = (file: string) => hubFileSource(config, model.id, model.sha, file);
    const openBase = (file: string) => hubFileSource(config, base.id, base.sha, file);
    const { plans } = await planModel(["model.safetensors"], open, { maxModelBytes: config.maxModelBytes, ...config.limits }, { mode: "delta", files: ["model.safetensors"], open: openBase });
    const plan = plans.find((p) => p.name === "model.layers.0.self_attn.q_proj")!;
    const task = (kind: "layer" | "packed"): TaskMessage => ({ key: "k", id: model.id, sha: model.sha, task: "000000", plan, work: { kind }, seed: 1, base: { id: base.id, sha: base.sha } });
    const run = (kind: "layer" | "packed") => runTaskWork(task(kind), open(plan.tensor.file), workerEngine, bindings.REPORTS, { open, openBase });
    const [whole, packed] = [(await run("layer"))!, (await run("packed"))!];
    // the whole task sums d² over its values after the shuffle has reordered them: float64 rounding apart
    expect(Math.abs(packed.delta_W! - whole.delta_W!)).toBeLessThanOrEqual(1e-14 * whole.delta_W!);
    expect(packed.delta_b).toBe(whole.delta_b);
    for (const column of ["alpha", "lambda_max", "log_norm", "stable_rank"] as const) expect(packed[column]).toBeCloseTo(whole[column]!, 9);
  });

  it("refuses a gated, private or missing base at the trigger, saying it is the base", async () => {
    const gated = await post({ model: "delta/tuned", base: "trust/gated" });
    expect(gated.status).toBe(403);
    expect(await gated.json()).toMatchObject({ error: "gated_model", message: expect.stringMatching(/^the base: trust\/gated is gated/) });
    for (const base of ["trust/private", "delta/no-such-base"]) {
      const missing = await post({ model: "delta/tuned", base });
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: "model_not_found", message: `the base: there is no public model ${base} on the Hub` });
    }
    const bad = await post({ model: "delta/tuned", base: "../x" });
    expect(bad.status).toBe(400);
    // an adapter is an update already: refused as either side
    const adapter = await post({ model: "delta/tuned", base: "delta/lora" });
    expect(adapter.status).toBe(422);
    expect(await adapter.json()).toMatchObject({ error: "adapter_delta" });
  });

  it("fails a pair with no layer of one shape, saying why, and leaves the model's own report alone", async () => {
    // the model's own report first (delta/tuned's comparison with it above may have started it already)
    const ownKey = ((await (await post({ model: "delta/base" })).json()) as { key: string }).key;
    expect((await waitForJob(ownKey)).state).toBe("done");
    const own = (await (await workerFetch("/api/reports/delta/base")).json()) as Report;
    const started = await post({ model: "delta/base", base: "synthetic/llama-tiny" });
    expect(started.status, await started.clone().text()).toBe(202);
    const { key } = (await started.json()) as { key: string };
    const status = await waitForJob(key);
    expect(status).toMatchObject({ state: "failed", error_code: "base_incompatible" });
    expect(status.error).toMatch(/^no layer of the model has a counterpart of the same name and shape in the base.*differs from the base's/);
    expect((await workerFetch(`/api/reports/${key}`)).status).toBe(404);
    const after = (await (await workerFetch("/api/reports/delta/base")).json()) as Report;
    expect(after.method.base).toBeUndefined();
    expect(after.created_at).toBe(own.created_at);
  });
});

describe("an adapter with its base in the service (peft with_base)", () => {
  it("reports each lora_BA and lora_W_plus_AB as the CLI does, the base from adapter_config.json", async () => {
    const { key, report } = await analyse({ model: "delta/lora", peft: "with_base" });
    expect(key).toMatch(/^delta\/lora@[0-9a-f]{40}\/with_base\/delta\/lora-base@[0-9a-f]{40}$/);
    expect(report.method).toMatchObject({ peft: "with_base", base: { id: "delta/lora-base", revision: "main" } });
    expect(report.layers.map((l) => l.name)).toEqual([
      "base_model.model.model.layers.0.self_attn.q_proj.lora_BA",
      "base_model.model.model.layers.0.self_attn.q_proj.lora_W_plus_AB",
      "base_model.model.model.layers.0.self_attn.v_proj.lora_BA",
      "base_model.model.model.layers.0.self_attn.v_proj.lora_W_plus_AB",
    ]);
    expect(report.layers.every((l) => l.delta_W === undefined)).toBe(true);
    expect(report.summary.avg_dW).toBeUndefined();
    expectSameAsCli(report, await cliReport("delta/lora", "delta/lora-base", "with_base"));
  });

  it("takes the base from the request, and refuses what it cannot pair", async () => {
    // formats/lora's config names no Hub id: the request must
    const unnamed = await post({ model: "formats/lora", peft: "with_base" });
    expect(unnamed.status).toBe(422);
    expect(await unnamed.json()).toMatchObject({ error: "invalid_base", message: expect.stringMatching(/not a Hub model id; give one as "base"/) });
    const { report } = await analyse({ model: "formats/lora", peft: "with_base", base: "delta/lora-base" });
    expect(report.layers.filter((l) => l.name.endsWith("lora_W_plus_AB"))).toHaveLength(2);
    const notAdapter = await post({ model: "delta/tuned", peft: "with_base", base: "delta/base" });
    expect(notAdapter.status).toBe(422);
    expect(await notAdapter.json()).toMatchObject({ error: "not_an_adapter" });
    const badPeft = await post({ model: "delta/lora", peft: "merge" });
    expect(badPeft.status).toBe(400);
    // an adapter as a delta's model
    const asDelta = await post({ model: "delta/lora", base: "delta/lora-base" });
    expect(asDelta.status).toBe(422);
    expect(await asDelta.json()).toMatchObject({ error: "adapter_delta" });
  });
});
