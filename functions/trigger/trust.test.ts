import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, inject } from "vitest";
import { resolveModelRevision } from "#shared/hub";
import type { Report } from "#shared/report";
import { makeReport } from "../../test/helpers/make-report.ts";
import { readConfig } from "../config.ts";
import type { Env } from "../env.ts";
import { hubFileSource } from "../hub/hub-file-source.ts";
import type { FlightRecord, JobRecord, JobStatus, TaskRecord } from "../job/job-types.ts";
import { planModel } from "../job/plan-model.ts";
import { getLatestSha, getRowMetadata, putLatest } from "../kv/report-store.ts";
import { publishReport } from "../leaderboard/publish-report.ts";
import { SUITE_TOKEN } from "../../test/workers/write-trust-models.ts";
import { waitForJob } from "../../test/workers/wait-for-job.ts";
import { workerFetch } from "../../test/workers/worker-fetch.ts";
import { startAnalysis } from "./start-analysis.ts";

// The service's trust boundaries (issue: no private model published, no job stuck or poisoned,
// bounded work, the token never leaves the Hub), each attacked through the Worker against the
// mock Hub's hostile repos (test/workers/write-trust-models.ts).

const bindings = env as unknown as Env;
const config = readConfig(bindings);
const hubUrl = inject("hubUrl");

function trigger(model: string, init: RequestInit = {}): Promise<Response> {
  return workerFetch("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model }), ...init });
}

async function hubRequests(repo: string): Promise<{ path: string; repo?: string }[]> {
  const all = (await (await fetch(`${hubUrl}/__mock/requests`)).json()) as { path: string; repo?: string }[];
  return all.filter((r) => r.repo === repo || r.path.includes(`/${repo}/`) || r.path.endsWith(`/${repo}`));
}

async function setFaults(repo: string, faults: object): Promise<void> {
  const answer = await fetch(`${hubUrl}/__mock/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ repo, faults }) });
  expect(answer.ok, await answer.text()).toBe(true);
}

const jobOf = (key: string) => bindings.JOBS.get(bindings.JOBS.idFromName(key));

describe("confidentiality", () => {
  it("answers a private repo the service's token opens exactly as a missing one, and starts nothing", async () => {
    const hidden = await trigger("trust/private");
    const missing = await trigger("trust/no-such-repo");
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    const [a, b] = (await Promise.all([hidden.json(), missing.json()])) as { error: string; message: string }[];
    expect(a.error).toBe("model_not_found");
    expect(a.message.replace("trust/private", "X")).toBe(b.message.replace("trust/no-such-repo", "X"));
    // the token does open it: the refusal is the service's, not the Hub's
    const sha = (await resolveModelRevision("trust/private", "main", { hubUrl, accessToken: SUITE_TOKEN })).sha;
    expect(await jobOf(`trust/private@${sha}`).status()).toBeNull();
  });

  it("refuses a gated repo at the trigger unless the operator allowed it, and then publishes it", async () => {
    const gated = await trigger("trust/gated");
    expect(gated.status).toBe(403);
    expect(await gated.json()).toMatchObject({ error: "gated_model", message: expect.stringContaining("GATED_REPOS") });
    const allowed = await trigger("trust/gated-allowed");
    expect(allowed.status).toBe(202);
    const { key } = (await allowed.json()) as { key: string };
    expect((await waitForJob(key)).state).toBe("done");
    expect((await workerFetch(`/api/reports/${key}`)).status).toBe(200);
  });
});

describe("bounded work", () => {
  it("refuses an index naming 10,000 shards at the trigger, with a handful of Hub requests (info, tree, the index)", async () => {
    await fetch(`${hubUrl}/__mock/requests`, { method: "DELETE" });
    const answer = await trigger("trust/many-shards");
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: "too_many_shards", message: expect.stringContaining("10000") });
    const requests = await hubRequests("trust/many-shards");
    expect(requests.length, JSON.stringify(requests)).toBeLessThanOrEqual(6);
  });

  it("refuses an index naming shards the repo does not have before reading any", async () => {
    const answer = await trigger("trust/missing-shards");
    expect(answer.status).toBe(422);
    expect(await answer.json()).toMatchObject({ error: "invalid_index", message: expect.stringContaining("does not have") });
  });

  it("finishes a model with 30,000 skipped tensors: the list is kept in pieces, not in the job's record", async () => {
    const started = await trigger("trust/many-skipped");
    const { key } = (await started.json()) as { key: string };
    const status = await waitForJob(key);
    expect(status, JSON.stringify(status).slice(0, 500)).toMatchObject({ state: "done", layers: { total: 1, done: 1, skipped: 30_000 } });
    const report = (await (await workerFetch(`/api/reports/${key}`)).json()) as Report;
    expect(report.skipped).toHaveLength(30_000);
    expect(new Set(report.skipped.map((t) => t.name))).toContain("norm.29999");
  });

  it("fails a model with a 2.2 MB tensor name with the reason, instead of planning forever", async () => {
    const started = await trigger("trust/long-name");
    const { key } = (await started.json()) as { key: string };
    const status = await waitForJob(key);
    expect(status.state).toBe("failed");
    expect(status.error).toMatch(/names a tensor of 2200007 characters/);
    // a failed job is restartable: the next trigger starts it again
    expect((await trigger("trust/long-name")).status).toBe(202);
  });

  it("fails a plan past the layer or tensor limits with the reason, before any weight is read", async () => {
    const { sha } = await resolveModelRevision("trust/many-skipped", "main", { hubUrl });
    const open = (f: string) => hubFileSource(config, "trust/many-skipped", sha, f);
    const limits = { maxModelBytes: config.maxModelBytes, ...config.limits };
    await expect(planModel(["model.safetensors"], open, { ...limits, maxLayers: 0 })).rejects.toMatchObject({ status: 413, code: "too_many_layers" });
    await expect(planModel(["model.safetensors"], open, { ...limits, maxTensors: 10_000 })).rejects.toMatchObject({ status: 413, code: "too_many_tensors", message: expect.stringContaining("30001 tensors") });
  });

  it("makes one job of 20 concurrent triggers, with at most two Hub API calls", async () => {
    await fetch(`${hubUrl}/__mock/requests`, { method: "DELETE" });
    const answers = await Promise.all(Array.from({ length: 20 }, () => trigger("trust/upstream")));
    const keys = new Set(await Promise.all(answers.map(async (a) => ((await a.json()) as { key: string }).key)));
    expect(keys.size).toBe(1);
    const api = (await hubRequests("trust/upstream")).filter((r) => r.path.startsWith("/api/"));
    expect(api.length).toBeLessThanOrEqual(2);
    expect((await waitForJob([...keys][0]!)).state).toBe("done");
  });
});

describe("integrity", () => {
  /** A running job of the repo, planned and with every task ready, as if its trigger had just planned it. */
  async function runningJob(id: string, keySha: string, record: Partial<JobRecord> = {}) {
    const sha = (await resolveModelRevision(id, "main", { hubUrl })).sha;
    const planned = await planModel(["model.safetensors"], (f) => hubFileSource(config, id, sha, f), { maxModelBytes: config.maxModelBytes, ...config.limits });
    const analysed = planned.plans.filter((p) => p.skip_reason === undefined);
    // a key of its own, so the repo's real job (other tests trigger it) is not this one
    const key = `${id}@${keySha}`;
    const stub = jobOf(key);
    const job: JobRecord = {
      key, id, sha, revision: "main", family: null, weightFiles: ["model.safetensors"], files: [{ name: "model.safetensors", size: 1 }],
      defaultBranch: true, committed_at: null, state: "running", created_at: new Date().toISOString(), updated_at: new Date().toISOString(), seed: 1,
      plan_attempts: 1, layers_total: analysed.length, layers_done: 0, layers_failed: 0, bytes_total: 1, bytes_done: 0,
      running_since: Date.now(), tasks_total: analysed.length, tasks_resent: 0, skipped_count: 0, parameters: 1, dtypes: ["F32"], notes: [], ...record,
    };
    const entries: Record<string, unknown> = { job };
    for (const plan of analysed) {
      const id = String(plan.layer_id).padStart(6, "0");
      entries[`task:${id}`] = { id, plan, work: { kind: "layer" }, state: "ready", sends: 0, attempts: 0, cost_seconds: 1 } satisfies TaskRecord;
      entries[`ready:${id}`] = 1;
    }
    await runInDurableObject(stub, async (_instance, state) => {
      await state.storage.deleteAll();
      await state.storage.put(entries);
      // the watchdog alarm a running job always has
      await state.storage.setAlarm(Date.now() + 3_600_000);
    });
    return { key, stub };
  }

  it("fails the job, publishing nothing, when the Hub sends file reads to a host it may not", async () => {
    const { key, stub } = await runningJob("trust/upstream", "1".repeat(40));
    await setFaults("trust/upstream", { redirectTo: "http://169.254.169.254/latest/meta-data" });
    try {
      expect(await runDurableObjectAlarm(stub)).toBe(true);
      const status = await waitForJob(key);
      expect(status.state).toBe("failed");
      expect(status.error).toMatch(/nothing was published/);
      expect((await workerFetch(`/api/reports/${key}`)).status).toBe(404);
    } finally {
      await setFaults("trust/upstream", {});
    }
  });

  it("fails a job that ran past its budget, saying so", async () => {
    const { key, stub } = await runningJob("trust/upstream", "2".repeat(40), { running_since: Date.now() - config.limits.jobBudgetMs - 1000 });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const status = (await (await workerFetch(`/api/jobs/${key}`)).json()) as JobStatus;
    expect(status).toMatchObject({ state: "failed", error: expect.stringMatching(/ran longer than this service allows/) });
  });

  it("shows a job stalled when no consumer has been heard of for a minute", async () => {
    const { key, stub } = await runningJob("trust/upstream", "3".repeat(40));
    await runInDurableObject(stub, async (_instance, state) => {
      const flight: FlightRecord = { state: "sent", deadline: Date.now() + 3_600_000, since: Date.now() - 120_000, cost_seconds: 1 };
      await state.storage.put({ "flight:000000": flight, heard: Date.now() - 90_000 });
    });
    const status = (await (await workerFetch(`/api/jobs/${key}`)).json()) as JobStatus;
    expect(status).toMatchObject({ state: "running", stalled: true, eta_seconds: null });
    expect(status.stalled_seconds).toBeGreaterThanOrEqual(90);
  });

  it("moves `latest` only forward by commit date, and a trigger that finds the head's report fixes it", async () => {
    const id = "trust/latest-order";
    const report = (n: number) => makeReport({ id, family: "t", sha: String(n).repeat(40), revision: "main", createdAt: "2026-11-01T00:00:00.000Z", seed: 1, layers: [{ name: "a", shape: [8, 4], alpha: 3 }] });
    await publishReport(bindings, report(2), { latest: true, committedAt: "2026-02-01T00:00:00.000Z" });
    // the older commit's job finishes last
    await publishReport(bindings, report(1), { latest: true, committedAt: "2026-01-01T00:00:00.000Z" });
    expect(await getLatestSha(bindings.REPORTS, id)).toBe("2".repeat(40));
    await publishReport(bindings, report(3), { latest: true, committedAt: "2026-03-01T00:00:00.000Z" });
    expect(await getLatestSha(bindings.REPORTS, id)).toBe("3".repeat(40));
  });

  it("stores a report larger than one KV value in pieces and reads it back whole", async () => {
    const id = "trust/huge-report";
    const big = makeReport({ id, family: "t", sha: "b".repeat(40), revision: "main", createdAt: "2026-11-01T00:00:00.000Z", seed: 1, layers: [{ name: "a", shape: [8, 4], alpha: 3 }], notes: ["é".repeat(13_000_000)] });
    await publishReport(bindings, big, { latest: true });
    expect((await bindings.REPORTS.list({ prefix: `piece:${id}@` })).keys.map((k) => k.name)).toEqual([`piece:${id}@${"b".repeat(40)}:1`]);
    const served = await workerFetch(`/api/reports/${id}`);
    expect(served.status).toBe(200);
    const text = await served.text();
    expect(text).toBe(JSON.stringify(big));
  });

  it("keys every spelling of an id by the Hub's, and redirects other spellings to it", async () => {
    const [lower, upper] = await Promise.all([trigger("trust/case-test"), trigger("TRUST/CASE-TEST")]);
    const a = (await lower.json()) as { key: string; page_url: string };
    const b = (await upper.json()) as { key: string };
    expect(a.key).toBe(b.key);
    expect(a.key.startsWith("trust/Case-Test@")).toBe(true);
    expect(a.page_url).toBe("/trust/Case-Test");
    expect((await waitForJob(a.key)).state).toBe("done");
    const moved = await workerFetch("/api/reports/TRUST/case-test", { redirect: "manual" });
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe("/api/reports/trust/Case-Test");
    const badge = await workerFetch("/badge/trust/case-test.svg", { redirect: "manual" });
    expect(badge.status).toBe(301);
    expect(badge.headers.get("location")).toBe("/badge/trust/Case-Test.svg");

    // `latest` left on an older commit (jobs finished out of order) is put right by the next trigger that finds the head's report
    const head = a.key.split("@")[1]!;
    const row = (await getRowMetadata(bindings.REPORTS, "trust/Case-Test", head))!;
    await putLatest(bindings.REPORTS, "trust/Case-Test", "0".repeat(40), row.metadata, "2000-01-01T00:00:00.000Z");
    expect((await trigger("trust/case-test")).status).toBe(200);
    expect(await getLatestSha(bindings.REPORTS, "trust/Case-Test")).toBe(head);
  });
});

describe("the token stays on the Hub", () => {
  it("does not follow a listing's Link to another origin, and says so", async () => {
    // asked by its commit, a revision no other test looks up (lookups are shared for a minute)
    const { sha } = await resolveModelRevision("trust/many-skipped", "main", { hubUrl });
    await setFaults("trust/many-skipped", { treeLinkTo: "http://127.0.0.1:9/api/steal" });
    try {
      const answer = await startAnalysis(bindings, config, "trust/many-skipped", sha).catch((e: unknown) => e);
      expect(answer).toMatchObject({ status: 502, code: "hub_error", message: expect.stringMatching(/not the Hub; not followed/) });
      expect(JSON.stringify(answer)).not.toContain(SUITE_TOKEN);
    } finally {
      await setFaults("trust/many-skipped", {});
    }
  });
});

describe("abuse", () => {
  it("holds every client to the service's global budget of analyses started per minute", async () => {
    const tight = { ...config, globalTriggersPerMinute: 1 };
    const answers = await Promise.all(["trust/many-shards", "trust/missing-shards"].map((id) => startAnalysis(bindings, tight, id, null).catch((e: unknown) => e)));
    expect(answers.some((a) => (a as { code?: string }).code === "busy")).toBe(true);
  });

  it("takes triggers as JSON only, and not from other sites' pages", async () => {
    const plain = await workerFetch("/api/analyze", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ model: "trust/upstream" }) });
    expect(plain.status).toBe(415);
    const form = await workerFetch("/api/analyze", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "model=trust/upstream" });
    expect(form.status).toBe(415);
    const crossSite = await trigger("trust/upstream", { headers: { "content-type": "application/json", origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: "cross_origin" });
    const fetchMetadata = await trigger("trust/upstream", { headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" } });
    expect(fetchMetadata.status).toBe(403);
    const ownPage = await trigger("trust/upstream", { headers: { "content-type": "application/json; charset=utf-8", origin: "http://heavytail.test" } });
    expect([200, 202]).toContain(ownPage.status);
  });

  it("answers conditional requests for weak and listed ETags", async () => {
    const id = "trust/etag";
    await publishReport(bindings, makeReport({ id, family: "t", sha: "e".repeat(40), revision: "main", createdAt: "2026-11-01T00:00:00.000Z", seed: 1, layers: [{ name: "a", shape: [8, 4], alpha: 3 }] }), { latest: true });
    for (const path of [`/api/reports/${id}`, `/api/reports/${id}@${"e".repeat(40)}`, `/badge/${id}.svg`]) {
      const first = await workerFetch(path);
      const etag = first.headers.get("etag")!;
      expect((await workerFetch(path, { headers: { "if-none-match": `"nope", W/${etag}` } })).status, path).toBe(304);
    }
  });
});
