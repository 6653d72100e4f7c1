import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, inject } from "vitest";
import { resolveModelRevision } from "#shared/hub";
import { type Report, validateReport } from "#shared/report";
import { makeLayer } from "../../test/helpers/make-layer.ts";
import { seededRandom } from "../../test/helpers/seeded-random.ts";
import { readConfig } from "../config.ts";
import { workerEngine } from "../engine.ts";
import type { Env } from "../env.ts";
import { hubFileSource } from "../hub/hub-file-source.ts";
import { getReportText } from "../kv/report-store.ts";
import { waitForJob } from "../../test/workers/wait-for-job.ts";
import { workerFetch } from "../../test/workers/worker-fetch.ts";
import { startAnalysis } from "../trigger/start-analysis.ts";
import type { FlightRecord, JobRecord, JobStatus, TaskRecord } from "./job-types.ts";
import { planModel } from "./plan-model.ts";

const bindings = env as unknown as Env;
const config = readConfig(bindings);
const hubUrl = inject("hubUrl");

async function trigger(model: string, revision?: string): Promise<Response> {
  return workerFetch("/api/analyze", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(revision === undefined ? { model } : { model, revision }),
  });
}

async function analyseToEnd(model: string): Promise<{ key: string; status: JobStatus; report: Report }> {
  const started = await trigger(model);
  expect(started.status, await started.clone().text()).toBe(202);
  const { key, status_url, report_url } = (await started.json()) as { key: string; status_url: string; report_url: string };
  expect(status_url).toBe(`/api/jobs/${key}`);
  const status = await waitForJob(key);
  const report = (await (await workerFetch(report_url)).json()) as Report;
  return { key, status, report };
}

describe("an analysis, end to end inside workerd", () => {
  it("analyses a real fixture model from its huggingface.co URL and caches the report", async () => {
    const { key, status, report } = await analyseToEnd("https://huggingface.co/tesseract/eng_lstm");
    expect(status).toMatchObject({ state: "done", layers: { failed: 0 } });
    expect(status.layers.done).toBe(status.layers.total);
    expect(status.bytes_streamed).toBe(status.bytes_total);
    const validation = validateReport(report);
    expect(validation.ok, validation.ok ? "" : validation.errors.join("\n")).toBe(true);
    expect(report.model).toMatchObject({ id: "tesseract/eng_lstm", source: "hub", revision: "main", sha: key.split("@")[1] });
    expect(report.method).toMatchObject({ randomize: true, seed: config.seed, engine: workerEngine.name });
    expect(report.layers.length).toBe(status.layers.total);
    // its 512×608 gate matrices were split into panel blocks (EDGE_TASK_FLOPS); the parts are gone from KV
    expect((await bindings.REPORTS.list({ prefix: "part:" })).keys).toEqual([]);

    const again = await trigger("tesseract/eng_lstm");
    expect(again.status).toBe(200);
    const cached = (await again.json()) as { state: string; report: Report };
    expect(cached.state).toBe("done");
    expect(cached.report.layers).toEqual(report.layers);
    const badge = await (await workerFetch("/badge/tesseract/eng_lstm.json")).json();
    expect(badge).not.toMatchObject({ message: "not analysed" });
  });

  it("analyses a sharded bf16 llama-like model", async () => {
    const { status, report } = await analyseToEnd("synthetic/llama-tiny");
    expect(status.state).toBe("done");
    expect(report.model.family).toBe("llama");
    expect(report.model.dtypes).toEqual(["BF16"]);
    expect(report.model.files.map((f) => f.name)).toEqual(["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"]);
    expect(report.layers.map((l) => l.name)).toEqual(expect.arrayContaining(["model.layers.0.mlp.down_proj", "model.layers.0.self_attn.q_proj"]));
    expect(report.failed).toEqual([]);
  });

  it("analyses a PyTorch checkpoint to the same numbers as the same weights in safetensors, and a Q4_K GGUF, saying it was dequantized", async () => {
    const [safetensors, torch, gguf] = await Promise.all(["formats/safetensors", "formats/torch", "formats/gguf"].map((m) => analyseToEnd(m)));
    expect(torch.status.state).toBe("done");
    expect(torch.report.model.format).toMatchObject({ kind: "pytorch", dequantized: false });
    const numbers = (r: Report) => r.layers.map((l) => [l.name, l.N, l.M, l.alpha, l.log_norm, l.lambda_max]);
    expect(numbers(torch.report).sort()).toEqual(numbers(safetensors.report).sort());
    expect(gguf.status, JSON.stringify(gguf.status)).toMatchObject({ state: "done", layers: { failed: 0 } });
    expect(gguf.report.model).toMatchObject({ family: "llama", format: { kind: "gguf", dequantized: true, tensor_types: expect.objectContaining({ Q4_K: expect.any(Number) }) } });
    expect(gguf.report.summary.notes.join(" ")).toMatch(/Q4_K.*dequantized/);
    expect(gguf.report.model.lineage).toEqual({ base_models: [{ id: "formats/safetensors", relation: null, source: "gguf" }] });
    expect(safetensors.report.model.lineage).toBeUndefined();
  });

  it("makes one job of concurrent triggers and streams its progress as server-sent events", async () => {
    const answers = await Promise.all([1, 2, 3, 4].map(() => trigger("paddle/ppocrv4_rec")));
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { key: string; status_url: string }[];
    expect(new Set(bodies.map((b) => b.key)).size).toBe(1);
    const statuses = (await Promise.all(bodies.map((b) => workerFetch(b.status_url).then((r) => r.json())))) as JobStatus[];
    expect(new Set(statuses.map((s) => s.created_at)).size).toBe(1);

    const stream = await workerFetch(bodies[0].status_url, { headers: { accept: "text/event-stream" } });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    expect(stream.headers.get("cache-control")).toBe("no-store");
    const text = await stream.text();
    const events = text.split("\n\n").filter((e) => e.startsWith("event: status"));
    const last = JSON.parse(events.at(-1)!.split("\ndata: ")[1]) as JobStatus;
    expect(last.state).toBe("done");
    expect(last.layers.done + last.layers.failed).toBe(last.layers.total);
  });

  it("records a layer with a NaN as failed, with its reason, and still finishes the report", async () => {
    const { status, report } = await analyseToEnd("hostile/nan-layer");
    expect(status).toMatchObject({ state: "done", layers: { total: 2, done: 1, failed: 1 } });
    expect(report.layers.map((l) => l.name)).toEqual(["good"]);
    expect(report.failed).toEqual([expect.objectContaining({ name: "poisoned", error: expect.stringMatching(/NaN/) })]);
  });

  it.each([
    ["hostile/header-past-end", /header/],
    ["hostile/header-bomb", /larger than this service reads|header/],
  ])("fails %s with a clear error instead of hanging", async (model, reason) => {
    const started = await trigger(model);
    const { key } = (await started.json()) as { key: string };
    const status = await waitForJob(key);
    expect(status.state).toBe("failed");
    expect(status.error).toMatch(reason);
  });

  it("keeps markup in names and metadata as text in reports and badges", async () => {
    const { report } = await analyseToEnd("hostile/injection");
    expect(report.layers.some((l) => l.name.includes("<script>"))).toBe(true);
    const svg = await (await workerFetch("/badge/hostile/injection.svg")).text();
    expect(svg).not.toContain("<script");
  });
});

describe("triggers", () => {
  it.each([
    [{ model: "../etc/passwd" }, "invalid_model_id"],
    [{ model: "org%2Fname" }, "invalid_model_id"],
    [{ model: "https://evil.example/org/name" }, "invalid_model_id"],
    [{ model: `org/${"x".repeat(300)}` }, "invalid_model_id"],
    [{ model: "tesseract/eng_lstm", revision: "../main" }, "invalid_revision"],
    [{ model: 42 }, "invalid_request"],
    [{}, "invalid_request"],
  ])("refuses %j with 400 before asking the Hub", async (body, error) => {
    const response = await workerFetch("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error, message: expect.any(String) });
  });

  it("refuses a body that is not JSON", async () => {
    const response = await workerFetch("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: "model=gpt2" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });

  it("answers 404 for models and revisions the Hub does not have", async () => {
    const model = await trigger("tesseract/eng_lstm", "no-such-branch");
    expect(model.status).toBe(404);
    expect(await model.json()).toMatchObject({ error: "revision_not_found" });
    const missing = await trigger("nobody/no-such-model");
    expect([401, 404]).toContain(missing.status);
  });

  it("enforces the maximum model size before anything is streamed", async () => {
    const error = await startAnalysis(bindings, { ...config, maxModelBytes: 1000 }, "copies/ppocrv4_rec", null).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413, code: "model_too_large" });
  });

  it("rate-limits triggers per client", async () => {
    const limiter = bindings.RATE_LIMITER.get(bindings.RATE_LIMITER.idFromName("203.0.113.9"));
    expect(await limiter.take(2)).toMatchObject({ ok: true });
    expect(await limiter.take(2)).toMatchObject({ ok: true });
    const refused = await limiter.take(2);
    expect(refused.ok).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});

describe("a job whose Workers died", () => {
  async function seedJob(id: string, sha: string, tasks: (plans: Awaited<ReturnType<typeof planModel>>["plans"]) => Record<string, unknown>) {
    const realSha = (await resolveModelRevision(id, "main", { hubUrl })).sha;
    const planned = await planModel(["model.safetensors"], (f) => hubFileSource(config, id, realSha, f), { maxModelBytes: config.maxModelBytes, ...config.limits });
    const key = `${id}@${sha}`;
    const stub = bindings.JOBS.get(bindings.JOBS.idFromName(key));
    const job: JobRecord = {
      key, id, sha, revision: "main", family: null, weightFiles: ["model.safetensors"], files: [{ name: "model.safetensors", size: 1 }],
      defaultBranch: true, committed_at: null, state: "running", created_at: "2026-01-01T00:00:00.000Z", updated_at: "2026-01-01T00:00:00.000Z", seed: 1,
      plan_attempts: 1, layers_total: planned.plans.filter((p) => p.skip_reason === undefined).length, layers_done: 0, layers_failed: 0, bytes_total: 1, bytes_done: 0,
      running_since: Date.now(), tasks_total: 0, tasks_resent: 0, skipped_count: 0, parameters: 1, dtypes: ["F32"], notes: [],
    };
    const entries = tasks(planned.plans);
    job.layers_done = Object.keys(entries).filter((k) => k.startsWith("result:")).length;
    await runInDurableObject(stub, async (_instance, state) => {
      await state.storage.put({ job, ...entries });
      // the watchdog alarm a running job always has
      await state.storage.setAlarm(Date.now() + 3_600_000);
    });
    return { key, stub };
  }

  const task = (plan: TaskRecord["plan"], state: TaskRecord["state"], attempts = 1): TaskRecord => ({
    id: String(plan.layer_id).padStart(6, "0"), plan, work: { kind: "layer" }, state, sends: attempts, attempts, cost_seconds: 1,
  });
  // a flight whose deadline passed: nothing was heard of the task for too long
  const overdue = (state: FlightRecord["state"]): FlightRecord => ({ state, deadline: 1, since: 1, cost_seconds: 1 });

  it("is resumed from its alarm: finished layers are kept, a task whose consumer died is sent again", async () => {
    const { sha } = await resolveModelRevision("hostile/injection", "main", { hubUrl });
    const marker = makeLayer({ name: "seeded", shape: [40, 20], alpha: 3 }, 0, seededRandom(9), true);
    const { key, stub } = await seedJob("hostile/injection", sha, ([first, second]) => {
      const seededLayer = { ...marker, layer_id: first.layer_id, name: first.name };
      return { "task:000000": task(first, "done"), "task:000001": task(second, "running"), "flight:000001": overdue("running"), [`result:${first.layer_id}`]: seededLayer };
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const status = await waitForJob(key);
    expect(status).toMatchObject({ state: "done", created_at: "2026-01-01T00:00:00.000Z", layers: { done: 2, failed: 0 }, tasks: { resent: 1 } });
    // read from KV itself: an earlier test served this key's first report, which Workers keep as immutable
    const report = JSON.parse((await getReportText(bindings.REPORTS, "hostile/injection", sha))!) as Report;
    expect(report.layers[0].alpha).toBe(marker.alpha);
    expect(report.layers[1].name).toBe("plain");
  });

  it("sends again a task whose message was lost before any consumer started it", async () => {
    const { sha } = await resolveModelRevision("copies/injection", "main", { hubUrl });
    const { key, stub } = await seedJob("copies/injection", sha, ([first, second]) => ({
      "task:000000": task(first, "sent", 0),
      "flight:000000": overdue("sent"),
      "task:000001": task(second, "sent", 0),
      "flight:000001": overdue("sent"),
    }));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const status = await waitForJob(key);
    expect(status).toMatchObject({ state: "done", layers: { done: 2, failed: 0 }, tasks: { resent: 2 } });
  });

  it("lets one consumer hold a task: a duplicate is refused while the lease is renewed, taken over once it lapses", async () => {
    const { sha } = await resolveModelRevision("copies/injection-2", "main", { hubUrl });
    const { stub } = await seedJob("copies/injection-2", sha, ([first]) => ({ "task:000000": task(first, "sent", 0), "flight:000000": overdue("sent") }));
    expect(await stub.startTask("000000")).toEqual({ run: true });
    expect(await stub.startTask("000000")).toEqual({ run: false });
    expect(await stub.renewTask("000000", 1000)).toEqual({ run: true });
    expect(await stub.startTask("000000")).toEqual({ run: false });
    await runInDurableObject(stub, async (_instance, state) => {
      await state.storage.put("flight:000000", overdue("running"));
    });
    expect(await stub.startTask("000000")).toEqual({ run: true });
    await stub.failTask("000000", "given up for the test");
    expect(await stub.renewTask("000000", 2000)).toEqual({ run: false });
    expect(await stub.startTask("000000")).toEqual({ run: false });
  });

  it("records a task started too often without finishing as a failed layer, and completes", async () => {
    const sha = "f".repeat(40);
    const { key, stub } = await seedJob("tesseract/eng_lstm", sha, (plans) =>
      Object.fromEntries(
        plans
          .filter((p) => p.skip_reason === undefined)
          .flatMap((plan) => {
            const dead = task(plan, "running", config.taskMaxAttempts);
            return [[`task:${dead.id}`, dead], [`flight:${dead.id}`, overdue("running")]];
          }),
      ),
    );
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const status = await waitForJob(key);
    expect(status.state).toBe("done");
    expect(status.layers.failed).toBe(status.layers.total);
    const report = (await (await workerFetch(`/api/reports/${key}`)).json()) as Report;
    expect(report.failed[0].error).toBe(`the layer's task was started ${config.taskMaxAttempts} times and never finished (did its Worker run out of memory or CPU time?)`);
  });
});
