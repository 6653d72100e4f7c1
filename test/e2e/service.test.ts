import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseEngine } from "../../cli/choose-engine.ts";
import { openLocalModel } from "../../cli/open-local-model.ts";
import { analyzeModel } from "#shared/analyze";
import { type Report, validateReport } from "#shared/report";
import { startWranglerDev, type WranglerDev } from "../../scripts/start-wrangler-dev.ts";
import { writeLlamaLikeModel } from "../helpers/generate-models.ts";
import { createMockHub } from "../mock-hub/create-mock-hub.ts";
import type { MockHub, RepoFaults } from "../mock-hub/types.ts";
import { expectSameNumbers } from "./expect-same-numbers.ts";
import { INJECTION, writeHostileModels } from "./write-hostile-models.ts";

// The service as users run it (`wrangler dev`: local KV, Queues, Durable Objects) against the
// project's mock Hub, analysing real fixture models and a generated sharded bf16 model by URL.

const ROOT = resolve(import.meta.dirname, "../..");
const PPOCR = join(ROOT, "test/fixtures/ppocrv4_rec");
const TESSERACT = join(ROOT, "test/fixtures/tesseract_eng_lstm");
const SEED = 1;
const TASK_MAX_ATTEMPTS = 2;
// the service's Hub token: it opens the gated repo and must never show up in anything it stores or says
const HF_TOKEN = "hf_e2eGatedToken1234567890";

interface JobStatus {
  key: string;
  state: string;
  layers: { total: number; done: number; failed: number; skipped: number };
  error?: string;
  created_at: string;
}

let dir: string;
let hub: MockHub;
let service: WranglerDev;
const local = new Map<string, string>();

async function post(model: string): Promise<Response> {
  return fetch(`${service.url}/api/analyze`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model }) });
}

/**
 * GET that rides out a moment without a listener: `wrangler dev` restarts the Worker when a source
 * file changes, and the jobs it was running resume from their Durable Object alarms.
 */
async function get(path: string, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(`${service.url}${path}`, init);
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function waitForJob(key: string, timeoutMs = 240_000): Promise<JobStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = (await (await get(`/api/jobs/${key}`)).json()) as JobStatus;
    if (status.state === "done" || status.state === "failed") return status;
    if (Date.now() > deadline) throw new Error(`job ${key} stuck in ${status.state}: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function analyse(model: string): Promise<{ key: string; status: JobStatus; report: Report | null }> {
  const started = await post(model);
  expect(started.status, await started.clone().text()).toBe(202);
  const { key } = (await started.json()) as { key: string };
  const status = await waitForJob(key);
  const response = await get(`/api/reports/${key}`);
  return { key, status, report: response.status === 200 ? ((await response.json()) as Report) : null };
}

/** The engine's report of the same files, computed here with the engine the Worker uses (WASM when built). */
async function localReport(folder: string): Promise<Report> {
  const { model, description } = openLocalModel(folder);
  const engine = await chooseEngine("wasm");
  return analyzeModel(model, description, { randomize: true, seed: SEED, engine: engine.name, eigvalsh: engine.eigvalsh, grams: engine.grams });
}

/** The service's report and the engine's local report of the same files carry the same numbers. */
function expectSameAnalysis(served: Report, expected: Report): void {
  expect(validateReport(served)).toMatchObject({ ok: true });
  expectSameNumbers(served.layers, expected.layers);
  expectSameNumbers(served.summary, expected.summary);
  expect(served.skipped).toEqual(expected.skipped);
  expect(served.failed).toEqual(expected.failed);
  expect(served.method).toEqual(expected.method);
  expect(served.model.parameters).toBe(expected.model.parameters);
  expect(served.model.dtypes).toEqual(expected.model.dtypes);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "heavytail-e2e-"));
  await writeLlamaLikeModel(join(dir, "llama"), { hidden: 128, intermediate: 344, layers: 2, vocab: 256, dtype: "BF16", shards: 2, seed: 11 });
  await writeHostileModels(join(dir, "hostile"));
  await cp(TESSERACT, join(dir, "gated"), { recursive: true });
  await writeFile(join(dir, "gated", ".mockhub.json"), JSON.stringify({ gated: true, token: HF_TOKEN }));
  const faultRepos = Object.fromEntries(["rate429", "error5xx", "drop", "expire", "slow", "down"].map((f) => [`faults/${f}`, TESSERACT]));
  hub = await createMockHub({
    repos: {
      "paddle/ppocrv4_rec": PPOCR,
      "tesseract/eng_lstm": TESSERACT,
      "copies/tesseract": TESSERACT,
      "gated/tesseract": join(dir, "gated"),
      "synthetic/llama-2-blocks": join(dir, "llama"),
      "hostile/nan-layer": join(dir, "hostile", "nan-layer"),
      "hostile/injection": join(dir, "hostile", "injection"),
      "hostile/header-past-end": join(dir, "hostile", "header-past-end"),
      "hostile/header-bomb": join(dir, "hostile", "header-bomb"),
      ...faultRepos,
    },
  });
  service = await startWranglerDev({
    root: ROOT,
    secrets: { HF_TOKEN },
    // the operator allows the one gated repo: its report may be published
    vars: { HF_ENDPOINT: hub.url, GATED_REPOS: "gated/tesseract", TASK_LEASE_SECONDS: "10", TASK_START_SECONDS: "20", TASK_MAX_ATTEMPTS: String(TASK_MAX_ATTEMPTS), TRIGGERS_PER_MINUTE: "1000", RANDOMIZE_SEED: String(SEED),
      // small enough that the fixtures' larger layers are split into parts and combined: the numbers must not change
      EDGE_TASK_FLOPS: "2e7",
    },
    persistTo: join(dir, "state"),
    logFile: join(dir, "wrangler.log"),
  });
  for (const [id, folder] of [["ppocr", PPOCR], ["tesseract", TESSERACT], ["llama", join(dir, "llama")]] as const) {
    local.set(id, JSON.stringify(await localReport(folder)));
  }
}, 300_000);

afterAll(async () => {
  await service?.stop();
  await hub?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the service, end to end", () => {
  it("analyses the real fixture models by huggingface.co URL, with the engine's numbers", async () => {
    const [ppocr, tesseract] = await Promise.all([analyse("https://huggingface.co/paddle/ppocrv4_rec"), analyse("https://huggingface.co/tesseract/eng_lstm/tree/main")]);
    for (const [run, id] of [[ppocr, "ppocr"], [tesseract, "tesseract"]] as const) {
      expect(run.status.state).toBe("done");
      expectSameAnalysis(run.report!, JSON.parse(local.get(id)!) as Report);
      expect(run.report!.model.source).toBe("hub");
    }
  }, 300_000);

  it("analyses a sharded bf16 llama-like model like the engine does", async () => {
    const { status, report } = await analyse("synthetic/llama-2-blocks");
    expect(status.state).toBe("done");
    expectSameAnalysis(report!, JSON.parse(local.get("llama")!) as Report);
    expect(report!.model.family).toBe("llama");
    expect(report!.layers.some((l) => l.name === "model.layers.1.mlp.down_proj")).toBe(true);
  }, 300_000);

  it("makes one job of concurrent triggers", async () => {
    hub.requests.length = 0;
    const answers = await Promise.all(Array.from({ length: 6 }, () => post("copies/tesseract")));
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { key: string }[];
    expect(new Set(bodies.map((b) => b.key)).size).toBe(1);
    const status = await waitForJob(bodies[0].key);
    expect(status.state).toBe("done");
    const headerReads = hub.requests.filter((r) => r.repo === "copies/tesseract" && r.range === "bytes=0-7" && r.status === 206);
    expect(headerReads).toHaveLength(1);
  }, 300_000);

  it.each<[string, RepoFaults]>([
    ["rate429", { rate429: { count: 3, retryAfter: 1 } }],
    ["error5xx", { error5xx: { count: 3, status: 503 } }],
    ["drop", { dropAfterBytes: { count: 3, bytes: 5000 } }],
    ["expire", { expireSignaturesAfterMs: 300 }],
    ["slow", { slowBytesPerSecond: 2_000_000 }],
  ])("finishes a complete report through injected %s faults", async (name, faults) => {
    const started = await post(`faults/${name}`);
    const { key } = (await started.json()) as { key: string };
    hub.setFaults(`faults/${name}`, faults);
    const status = await waitForJob(key);
    hub.setFaults(`faults/${name}`, {});
    expect(status.state, JSON.stringify(status)).toBe("done");
    expect(status.layers.failed).toBe(0);
    const report = (await (await get(`/api/reports/${key}`)).json()) as Report;
    expectSameNumbers(report.layers, (JSON.parse(local.get("tesseract")!) as Report).layers);
  }, 300_000);

  it("fails a job whose Hub keeps failing, with the reason, and publishes nothing; the next trigger starts it again", async () => {
    const started = await post("faults/down");
    const { key } = (await started.json()) as { key: string };
    hub.setFaults("faults/down", { error5xx: { count: 1_000_000, status: 500 } });
    const status = await waitForJob(key);
    hub.setFaults("faults/down", {});
    expect(status.state, JSON.stringify(status)).toBe("failed");
    expect(status.error).toMatch(/500|Hub/);
    // no partial report stands for the model: no report, no row, a neutral badge
    expect((await get(`/api/reports/${key}`)).status).toBe(404);
    expect(await (await get("/badge/faults/down.json")).json()).toMatchObject({ message: "not analysed" });
    const again = await post("faults/down");
    expect(again.status).toBe(202);
    expect((await waitForJob(((await again.json()) as { key: string }).key)).state).toBe("done");
  }, 600_000);
});

describe("the Hub token", () => {
  it("opens a gated model the operator allowed and never appears in what the service stores, answers or logs", async () => {
    const { key, status, report } = await analyse("gated/tesseract");
    expect(status.state).toBe("done");
    const answers = [
      JSON.stringify(report),
      await (await get(`/api/jobs/${key}`)).text(),
      await (await get(`/api/reports?limit=1000`)).text(),
      await (await get(`/gated/tesseract`)).text(),
      await readFile(join(dir, "wrangler.log"), "utf8"),
    ];
    for (const text of answers) expect(text).not.toContain(HF_TOKEN);
  }, 300_000);
});

describe("hostile input", () => {
  it.each(["../../etc/passwd", "org%2F..%2Fname", "https://evil.example/org/name", "http://169.254.169.254/latest/meta-data", `org/${"n".repeat(500)}`, "org/name/../../x"])(
    "refuses the model %j before any Hub request",
    async (model) => {
      hub.requests.length = 0;
      const response = await post(model);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "invalid_model_id", message: expect.any(String) });
      expect(hub.requests).toHaveLength(0);
    },
  );

  it("refuses encoded slashes and traversal in paths", async () => {
    for (const path of ["/api/reports/org%2Fname", "/badge/org%2F..%2Fname.svg", `/api/jobs/org/name@${"z".repeat(40)}`]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(((await response.json()) as { message: string }).message.length, path).toBeGreaterThan(0);
    }
  });

  it.each([["hostile/header-past-end"], ["hostile/header-bomb"]])("fails %s with a clear error", async (model) => {
    const { status } = await analyse(model);
    expect(status.state).toBe("failed");
    expect(status.error).toMatch(/header/);
  }, 120_000);

  it("records a NaN layer as failed and completes the report", async () => {
    const { status, report } = await analyse("hostile/nan-layer");
    expect(status.state).toBe("done");
    expect(report!.failed).toEqual([expect.objectContaining({ name: "poisoned", error: expect.stringMatching(/NaN/) })]);
  }, 120_000);

  it("shows markup from names and metadata as text", async () => {
    const { report } = await analyse("hostile/injection");
    expect(report!.model.family).toBe(INJECTION.slice(0, 64));
    const svg = await (await get(`/badge/hostile/injection.svg`)).text();
    expect(svg).not.toMatch(/<script|<img/);
    const board = (await (await get(`/api/leaderboard`)).json()) as { entries: { id: string; family: string }[] };
    expect(board.entries.find((e) => e.id === "hostile/injection")?.family).toBe(INJECTION.slice(0, 64));
  }, 120_000);
});
