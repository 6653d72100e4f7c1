import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_EDGE_LIMITS, splitLayer } from "../../functions/task/split-layer.ts";
import { taskReadBytes } from "../../functions/task/task-read-bytes.ts";
import { matchBaseLayers } from "#shared/delta";
import { planLayers } from "#shared/plan";
import { type Report, validateReport, LAYER_COLUMNS } from "#shared/report";
import { listModelTensors } from "#shared/safetensors";
import { startWranglerDev, type WranglerDev } from "../../scripts/start-wrangler-dev.ts";
import { openLocalModel } from "../../cli/open-local-model.ts";
import { writeGpt2LikeModel, writeLlamaLikeModel } from "../helpers/generate-models.ts";
import { createMockHub } from "../mock-hub/create-mock-hub.ts";
import { servedRangeBytes } from "../mock-hub/served-range-bytes.ts";
import type { MockHub } from "../mock-hub/types.ts";
import { readFileTail } from "../helpers/read-file-tail.ts";
import { expectSameNumbers } from "./expect-same-numbers.ts";

// Models of the sizes users bring, through the service as they run it (wrangler dev: both Workers,
// local KV, Queues, Durable Objects, the production settings) and the mock Hub: a GPT-2-small-shaped
// model (49 analysed layers, 548 MB), a fine-tune of it compared with it (the delta analysis its
// card's base_model starts), and a TinyLlama-1.1B-shaped one (every one of its layer shapes,
// bf16: a block, the 32000-row embedding and LM head, in two shards). Each report must equal the
// engine's (the CLI's, run beside it, with and without randomization: the edge leaves it out on
// layers whose values do not fit beside their Gram in one task),
// and a job whose consumers all die mid-task (the service killed and started again on its state)
// must finish soon after its lost tasks are sent again.

const ROOT = resolve(import.meta.dirname, "../..");
const SEED = 1;
const GPT2 = "synthetic/gpt2-small";
/** a fine-tune of GPT2 (same shapes, other weights), its card naming GPT2: compared with it on its trigger */
const GPT2_TUNED = "synthetic/gpt2-small-chat";
const TINYLLAMA = "synthetic/tinyllama-1.1b-1-block";
/** one Llama-2-7B block (hidden 4096, MLP 11008, bf16): every layer's Gram is too large to hold whole on the edge */
const LLAMA7B = "synthetic/llama-2-7b-1-block";

interface JobStatus {
  key: string;
  state: string;
  layers: { total: number; done: number; failed: number; skipped: number };
  tasks: { total: number; queued: number; running: number; resent: number };
  error?: string;
}

let dir: string;
let hub: MockHub;
let service: WranglerDev;
/** where the running service's wrangler writes */
let serviceLog: string;
/** the launcher's notes from services this file has replaced */
const replacedNotes: string[] = [];
let serviceOptions: Parameters<typeof startWranglerDev>[0];
const folders = new Map<string, string>();

/**
 * How long one request may wait for its answer before it is asked again. wrangler dev runs both
 * Workers on one thread, and while the tasks Worker computes back-to-back 15 s tasks, a request to
 * the web Worker was seen held for minutes before its handler began (and once, after the job
 * ended, until the next request came): a client that asks again gets its answer, as the site's does.
 */
const ANSWER_TIMEOUT_MS = 60_000;
/** More holds than this in one run is a service that no longer answers (a CI run saw 8, six in a row on one TinyLlama poll). */
const MAX_HOLDS = 60;

/** The service did not take the connection: wrangler dev restarting (by the test, or by its launcher). */
class NotListening extends Error {}
/** The service took the request and gave no answer within ANSWER_TIMEOUT_MS. */
class Held extends Error {}
/** the requests that were held and asked again, printed after the run */
const holds: string[] = [];

/** A fetch of the service that fails, with what wrangler last wrote, when the service does not answer. */
async function fetchService(path: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(`${service.url}${path}`, { ...init, signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    const why = timedOut ? `held ${path} for ${ANSWER_TIMEOUT_MS / 1000} s without an answer` : `did not answer ${path} (${(error as Error).cause ?? error})`;
    const failure = `the service at ${service.url} ${why}; the end of ${serviceLog}:\n${await readFileTail(serviceLog, 60)}`;
    throw timedOut ? new Held(failure) : new NotListening(failure);
  }
}

/** A GET that waits out a restart of the service and asks again when its request is held. */
async function get(path: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchService(path);
    } catch (error) {
      if (error instanceof Held && holds.length < MAX_HOLDS) {
        holds.push(`GET ${path} at ${new Date().toISOString()}`);
        continue;
      }
      if (!(error instanceof NotListening) || attempt >= 180) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function trigger(model: string): Promise<string> {
  const response = await fetchService("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model }) });
  expect(response.status, await response.clone().text()).toBe(202);
  return ((await response.json()) as { key: string }).key;
}

/** Polls the job every second until `until` holds, recording when each status was seen. */
async function follow(key: string, until: (s: JobStatus) => boolean, timeoutMs: number): Promise<{ status: JobStatus; at: number }[]> {
  const seen: { status: JobStatus; at: number }[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = (await (await get(`/api/jobs/${key}`)).json()) as JobStatus;
    seen.push({ status, at: Date.now() });
    if (until(status) || status.state === "done" || status.state === "failed") return seen;
    if (Date.now() > deadline) throw new Error(`job ${key} did not get there in ${timeoutMs} ms: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Bytes of the tensors the service analyses (each read once): what a job streams. */
async function analysedBytes(folder: string): Promise<number> {
  const { tensors } = await listModelTensors(openLocalModel(folder).model);
  return planLayers(tensors)
    .filter((p) => p.skip_reason === undefined)
    .reduce((sum, p) => sum + p.tensor.end - p.tensor.begin, 0);
}

/** Waits, in this process, until the mock Hub has served `bytes` of `repo` in ranges. */
async function waitForServedBytes(repo: string, bytes: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (servedRangeBytes(hub.requests, repo) < bytes) {
    if (Date.now() > deadline) throw new Error(`the Hub served ${servedRangeBytes(hub.requests, repo)} of ${repo}'s bytes in ${timeoutMs} ms, not ${bytes}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The engine's report of a folder (against a base folder: a delta analysis): the CLI, in its own process (this one serves the mock Hub). */
function cliReport(folder: string, randomize: boolean, base?: string): Promise<Report> {
  const out = join(dir, `${folder.split("/").pop()}-cli${randomize ? "-randomized" : ""}${base ? "-delta" : ""}.json`);
  return new Promise((done, fail) => {
    const args = ["cli/heavytail.ts", "analyze", folder, ...(base ? ["--base", base] : []), ...(randomize ? ["--randomize", "--seed", String(SEED)] : []), "--format", "json", "--out", out];
    const child = spawn(join(ROOT, "node_modules/.bin/tsx"), args, {
      cwd: ROOT,
      // a repo id instead of a folder is read from the mock Hub
      env: { ...process.env, HF_ENDPOINT: hub.url },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.once("exit", (code) => (code === 0 ? readFile(out, "utf8").then((t) => done(JSON.parse(t) as Report), fail) : fail(new Error(`the CLI exited ${code}: ${stderr}`))));
  });
}

/** Layers the edge cannot randomize (their values do not fit beside their Gram, and the base's stream, in one task) have no `rand_*` columns. */
async function unrandomizedLayers(folder: string, base?: string): Promise<Set<string>> {
  const { tensors } = await listModelTensors(openLocalModel(folder).model);
  const baseTensors = base === undefined ? null : (await listModelTensors(openLocalModel(base).model)).tensors;
  const plans = (baseTensors ? matchBaseLayers(planLayers(tensors), tensors, baseTensors) : planLayers(tensors)).filter((p) => p.skip_reason === undefined);
  return new Set(
    plans
      .filter((plan) => {
        const split = splitLayer(plan, { ...DEFAULT_EDGE_LIMITS, packed: true });
        return split.ok && split.tasks.every((t) => t.work.kind !== "layer" && !(t.work.kind === "combine" && t.work.randomize));
      })
      .map((p) => p.name),
  );
}

/** The engine's reports of a folder (against a base) with randomization, and without it when the edge leaves some layers out. */
async function engineReports(folder: string, base?: string): Promise<{ randomized: Report; plain: Report | null }> {
  const plain = (await unrandomizedLayers(folder, base)).size > 0;
  const [randomized, unrandomized] = await Promise.all([cliReport(folder, true, base), plain ? cliReport(folder, false, base) : null]);
  return { randomized, plain: unrandomized };
}

/** The service's report and the engine's carry the same numbers, layer by layer. */
async function expectEngineNumbers(served: Report, engine: { randomized: Report; plain: Report | null }, folder: string, base?: string): Promise<void> {
  expect(validateReport(served)).toMatchObject({ ok: true });
  const plain = await unrandomizedLayers(folder, base);
  const expected = engine.randomized.layers.map((l) => (plain.has(l.name) ? engine.plain!.layers.find((p) => p.name === l.name)! : l));
  expect(served.layers.filter((l) => l.rand_distance === undefined).map((l) => l.name).sort()).toEqual([...plain].sort());
  expectSameNumbers(served.layers, expected);
  expectSameNumbers(served.summary, engine.randomized.summary);
  expect(served.skipped).toEqual(engine.randomized.skipped);
  expect(served.failed).toEqual([]);
  expect(served.model.parameters).toBe(engine.randomized.model.parameters);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "heavytail-real-size-"));
  folders.set(GPT2, (await writeGpt2LikeModel(join(dir, "gpt2"), { seed: 5 })).dir);
  folders.set(GPT2_TUNED, (await writeGpt2LikeModel(join(dir, "gpt2-chat"), { seed: 6 })).dir);
  await writeFile(join(folders.get(GPT2_TUNED)!, "README.md"), `---\nbase_model: ${GPT2}\nbase_model_relation: finetune\n---\n# a chat fine-tune\n`);
  folders.set(
    TINYLLAMA,
    (await writeLlamaLikeModel(join(dir, "tinyllama"), { hidden: 2048, intermediate: 5632, layers: 1, vocab: 32000, heads: 32, kvHeads: 4, dtype: "BF16", shards: 2, seed: 22 })).dir,
  );
  folders.set(
    LLAMA7B,
    (await writeLlamaLikeModel(join(dir, "llama7b"), { hidden: 4096, intermediate: 11008, layers: 1, vocab: 256, heads: 32, dtype: "BF16", seed: 77 })).dir,
  );
  hub = await createMockHub({ repos: Object.fromEntries(folders) });
  serviceOptions = {
    root: ROOT,
    vars: { HF_ENDPOINT: hub.url, RANDOMIZE_SEED: String(SEED), TRIGGERS_PER_MINUTE: "1000" },
    persistTo: join(dir, "state"),
    logFile: join(dir, "wrangler.log"),
  };
  serviceLog = serviceOptions.logFile!;
  service = await startWranglerDev(serviceOptions);
}, 300_000);

afterAll(async () => {
  // one line each, marked, for CI's log (.ci/run shows them at its end)
  const lines = [...replacedNotes, ...(service?.notes() ?? []), ...holds.map((h) => `held ${ANSWER_TIMEOUT_MS / 1000} s and asked again: ${h}`)];
  if (lines.length) console.warn(lines.map((l) => `[heavytail] real-size: ${l}`).join("\n"));
  await service?.stop();
  await hub?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("models of real size through the service", () => {
  it("analyses a GPT-2-small-shaped model to the engine's report, through a crash of every consumer", async () => {
    const engine = engineReports(folders.get(GPT2)!);
    const key = await trigger(GPT2);
    // two thirds of the weights read, so a window of tasks is in flight and a third of the work is
    // still ahead: the cut is timed by the Hub's own log in this process, not by status polls, which
    // locally wait behind the tasks (workerd runs both Workers on one thread)
    await waitForServedBytes(GPT2, ((await analysedBytes(folders.get(GPT2)!)) * 2) / 3, 900_000);
    // every consumer dies mid-task and the queue's messages with them; the jobs' storage survives
    const cutAt = Date.now();
    await service.kill();
    replacedNotes.push(...service.notes());
    serviceLog = join(dir, "wrangler-after-crash.log");
    service = await startWranglerDev({ ...serviceOptions, logFile: serviceLog });
    const after = await follow(key, () => false, 600_000);
    expect(after[0]!.status.state, "the job ended before the cut").toBe("running");
    const final = after.at(-1)!.status;
    expect(final.state, JSON.stringify(final)).toBe("done");
    expect(final.layers).toMatchObject({ total: 49, done: 49, failed: 0 });
    // the tasks lost with the consumers and the queue were sent again, and the job finished soon after (a third of the work left)
    const resent = after.find((s) => s.status.tasks.resent > 0);
    expect(resent, "no task was sent again").toBeDefined();
    expect(after.at(-1)!.at - resent!.at).toBeLessThan(120_000);
    expect(resent!.at - cutAt).toBeLessThan(180_000);
    const served = (await (await get(`/api/reports/${key}`)).json()) as Report;
    await expectEngineNumbers(served, await engine, folders.get(GPT2)!);
  }, 1_200_000);

  it("compares a GPT-2-small-shaped fine-tune with the base its card names, beside its own analysis, as the CLI's --base does", async () => {
    const engine = engineReports(folders.get(GPT2_TUNED)!, folders.get(GPT2)!);
    const response = await fetchService("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: GPT2_TUNED }) });
    expect(response.status, await response.clone().text()).toBe(202);
    const started = (await response.json()) as { key: string; comparison_url: string };
    const comparison = (await (await get(started.comparison_url)).json()) as { state: string; key: string; base: { id: string; sha: string } };
    expect(comparison).toMatchObject({ state: "pending", base: { id: GPT2 } });
    // both jobs, the model's own and the delta, run side by side to the end
    for (const key of [started.key, comparison.key]) {
      const final = (await follow(key, () => false, 1_200_000)).at(-1)!.status;
      expect(final.state, JSON.stringify(final)).toBe("done");
      expect(final.layers).toMatchObject({ total: 49, done: 49, failed: 0 });
    }
    const done = (await (await get(started.comparison_url)).json()) as { state: string; report_url: string };
    expect(done).toMatchObject({ state: "done", report_url: `/api/reports/${comparison.key}` });
    const delta = (await (await get(done.report_url)).json()) as Report;
    expect(delta.method.base).toMatchObject({ id: GPT2, sha: comparison.base.sha });
    // the CLI's base is a folder, the service's a Hub commit: the notes name each as it was given, the numbers must agree
    expect(delta.summary.notes.at(-1)).toMatch(new RegExp(`^A delta analysis against ${GPT2} at ${comparison.base.sha.slice(0, 12)}: every layer's spectrum is of W − W_base`));
    const named = (r: Report | null) => r && { ...r, summary: { ...r.summary, notes: delta.summary.notes } };
    const { randomized, plain } = await engine;
    expect(randomized.summary.notes.at(-1)).toMatch(/^A delta analysis against gpt2: every layer's spectrum is of W − W_base/);
    const cli = { randomized: named(randomized)!, plain: named(plain) };
    await expectEngineNumbers(delta, cli, folders.get(GPT2_TUNED)!, folders.get(GPT2)!);
    expect(delta.summary.avg_dW).toBeCloseTo(cli.randomized.summary.avg_dW!, 9);
    const own = (await (await get(`/api/reports/${started.key}`)).json()) as Report;
    expect(own.method.base).toBeUndefined();
    expect(own.model.lineage?.base_models).toEqual([{ id: GPT2, relation: "finetune", source: "card" }]);
  }, 1_800_000);

  it("analyses a TinyLlama-1.1B-shaped sharded bf16 model to the engine's report", async () => {
    const engine = engineReports(folders.get(TINYLLAMA)!);
    const key = await trigger(TINYLLAMA);
    const seen = await follow(key, () => false, 1_500_000);
    const final = seen.at(-1)!.status;
    expect(final.state, JSON.stringify(final)).toBe("done");
    expect(final.layers.failed).toBe(0);
    // a block's 7 matrices, the embedding and the LM head; the MLP, the embedding and the head split into parts
    expect(final.layers.total).toBe(9);
    expect(final.tasks.total).toBeGreaterThan(9);
    const served = (await (await get(`/api/reports/${key}`)).json()) as Report;
    expect(served.model.files.map((f) => f.name)).toEqual(["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"]);
    await expectEngineNumbers(served, await engine, folders.get(TINYLLAMA)!);
  }, 1_800_000);

  it("analyses a Llama-2-7B-shaped block with its Grams packed, reading at most twice its weights from the Hub, with the engine's numbers", async () => {
    const folder = folders.get(LLAMA7B)!;
    const weights = await analysedBytes(folder);
    const { tensors } = await listModelTensors(openLocalModel(folder).model);
    const plans = planLayers(tensors).filter((p) => p.skip_reason === undefined);
    const splits = plans.map((plan) => ({ plan, split: splitLayer(plan, { ...DEFAULT_EDGE_LIMITS, packed: true }) }));
    // the square and tall projections go packed in one task, the wide down-projection in bands
    const down = splits.find((s) => s.plan.name.endsWith("down_proj"))!.split;
    expect(down.ok && down.tasks.filter((t) => t.work.kind === "wide-band").length).toBeGreaterThan(1);
    const predicted = splits.reduce((sum, { plan, split }) => sum + (split.ok ? split.tasks.reduce((s, t) => s + taskReadBytes(plan, t.work), 0) : 0), 0);

    hub.requests.length = 0;
    const started = Date.now();
    const key = await trigger(LLAMA7B);
    const final = (await follow(key, () => false, 1_500_000)).at(-1)!.status;
    expect(final.state, JSON.stringify(final)).toBe("done");
    expect(final.layers).toMatchObject({ total: plans.length, done: plans.length, failed: 0 });
    // what the cost model says each task reads is what the Hub served (the headers' few KB besides)
    const edge = servedRangeBytes(hub.requests, LLAMA7B);
    const serviceSeconds = (Date.now() - started) / 1000;
    expect(Math.abs(edge - predicted)).toBeLessThan(1e6);
    expect(edge / weights).toBeLessThan(2);

    hub.requests.length = 0;
    const cliStarted = Date.now();
    const cli = await cliReport(LLAMA7B, false);
    const cliSeconds = (Date.now() - cliStarted) / 1000;
    expect(servedRangeBytes(hub.requests, LLAMA7B) / weights).toBeLessThan(1.2);
    const served = (await (await get(`/api/reports/${key}`)).json()) as Report;
    expect(validateReport(served)).toMatchObject({ ok: true });
    // the two small 256 × 4096 embeddings fit one task and are randomized there; the CLI ran without: the rest must agree
    const whole = new Set(splits.filter(({ split }) => split.ok && split.tasks.some((t) => t.work.kind === "layer")).map(({ plan }) => plan.name));
    expect(served.layers.filter((l) => l.rand_distance !== undefined).map((l) => l.name).sort()).toEqual([...whole].sort());
    const randomized = new Set<string>(LAYER_COLUMNS.filter((c) => "optional" in c && c.optional === "randomize").map((c) => c.key));
    const unrandomized = served.layers.map((l) => {
      if (!whole.has(l.name)) return l;
      const { randomized_counts: _, ...esd } = l.esd!;
      return { ...Object.fromEntries(Object.entries(l).filter(([k]) => !randomized.has(k))), esd };
    });
    expectSameNumbers(unrandomized, cli.layers);
    expectSameNumbers(served.summary, cli.summary);
    console.log(`Llama-2-7B-shaped block: ${(weights / 1e6).toFixed(1)} MB of weights; the service read ${(edge / weights).toFixed(2)}× from the Hub in ${serviceSeconds.toFixed(0)} s, the CLI ${(servedRangeBytes(hub.requests, LLAMA7B) / weights).toFixed(2)}× in ${cliSeconds.toFixed(0)} s`);
  }, 1_800_000);
});
