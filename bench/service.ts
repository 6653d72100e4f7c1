// npm run bench:service [-- --blocks N] [-- --quick]
// A TinyLlama-1.1B-shaped model (its real layer shapes, bf16, sharded) analysed by the CLI and by the
// local service (wrangler dev, both Workers, the mock Hub), one after the other on this machine:
// wall times, how many tasks ran at once, and from the service's measured rate the projected wall
// time of a Llama-2-7B-shaped model on Cloudflare at a given number of concurrent tasks.
// --quick: a small model of the same layout, to check the benchmark runs (CI-sized).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { expectedTaskSeconds } from "../functions/task/expected-task-seconds.ts";
import { DEFAULT_EDGE_LIMITS, splitLayer } from "../functions/task/split-layer.ts";
import { openLocalModel } from "../cli/open-local-model.ts";
import { planLayers, type LayerPlan } from "#shared/plan";
import { listModelTensors, type TensorInfo } from "#shared/safetensors";
import { localServiceJson } from "../scripts/local-service-json.ts";
import { startWranglerDev } from "../scripts/start-wrangler-dev.ts";
import { writeLlamaLikeModel, type LlamaLikeOptions } from "../test/helpers/generate-models.ts";
import { createMockHub } from "../test/mock-hub/create-mock-hub.ts";

const ROOT = resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { blocks: { type: "string", default: "1" }, quick: { type: "boolean" } } });
const quick = values.quick === true;
const TINYLLAMA: LlamaLikeOptions = quick
  ? { hidden: 256, intermediate: 704, layers: 1, vocab: 2000, heads: 4, kvHeads: 2, dtype: "BF16", shards: 2, seed: 22 }
  : { hidden: 2048, intermediate: 5632, layers: Number(values.blocks), vocab: 32000, heads: 32, kvHeads: 4, dtype: "BF16", shards: 2, seed: 22 };
const LLAMA_7B = { hidden: 4096, intermediate: 11008, layers: 32, vocab: 32000 };
const CONCURRENCY = [8, 32, 128];

/** JSON from the service, asked again where local development got in the way (localServiceJson). */
async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  return (await localServiceJson<T>(url, init, { attempts: 5 })).body;
}

/** Runs a command to its end: wall seconds, and user + system CPU seconds from /usr/bin/time. */
function timedRun(command: string, args: string[]): Promise<{ wall: number; cpu: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn("/usr/bin/time", ["-f", "%U %S", command, ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.once("error", fail);
    child.once("exit", (code) => {
      if (code !== 0) return fail(new Error(`${command} exited ${code}: ${stderr.slice(-2000)}`));
      const [user, system] = stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
      done({ wall: (performance.now() - started) / 1000, cpu: user + system });
    });
  });
}

/** The multiply-adds the service's plan spends on a model (split layers, packed ones), and its tasks. */
function plannedWork(plans: LayerPlan[]): { tasks: number; seconds: number } {
  let tasks = 0;
  let seconds = 0;
  for (const plan of plans.filter((p) => p.skip_reason === undefined)) {
    const split = splitLayer(plan, { ...DEFAULT_EDGE_LIMITS, packed: true });
    if (!split.ok) continue;
    for (const task of split.tasks) {
      tasks++;
      seconds += expectedTaskSeconds(plan, task.work);
    }
  }
  return { tasks, seconds };
}

/** The tensors of a Llama-architecture checkpoint of these sizes, as a header would list them (no weights). */
function llamaTensors({ hidden, intermediate, layers, vocab }: typeof LLAMA_7B): TensorInfo[] {
  const shapes: [string, number[]][] = [["model.embed_tokens.weight", [vocab, hidden]]];
  for (let i = 0; i < layers; i++) {
    for (const m of ["q", "k", "v", "o"]) shapes.push([`model.layers.${i}.self_attn.${m}_proj.weight`, [hidden, hidden]]);
    shapes.push([`model.layers.${i}.mlp.gate_proj.weight`, [intermediate, hidden]], [`model.layers.${i}.mlp.up_proj.weight`, [intermediate, hidden]]);
    shapes.push([`model.layers.${i}.mlp.down_proj.weight`, [hidden, intermediate]]);
  }
  shapes.push(["lm_head.weight", [vocab, hidden]]);
  let at = 0;
  return shapes.map(([name, shape]) => {
    const bytes = shape[0] * shape[1] * 2;
    const tensor: TensorInfo = { name, dtype: "BF16", shape, begin: at, end: at + bytes, file: "model.safetensors" };
    at += bytes;
    return tensor;
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "heavytail-bench-service-"));
  try {
    const model = await writeLlamaLikeModel(join(dir, "model"), TINYLLAMA);
    const plans = planLayers((await listModelTensors(openLocalModel(model.dir).model)).tensors);
    const work = plannedWork(plans);
    const layers = plans.filter((p) => p.skip_reason === undefined).length;
    console.log(`## TinyLlama-1.1B-shaped, ${TINYLLAMA.layers} block(s): ${layers} layers, ${work.tasks} service tasks (hidden ${TINYLLAMA.hidden}, MLP ${TINYLLAMA.intermediate}, vocab ${TINYLLAMA.vocab}, bf16, ${TINYLLAMA.shards} shards)`);

    const cli = await timedRun(join(ROOT, "node_modules/.bin/tsx"), ["cli/heavytail.ts", "analyze", model.dir, "--randomize", "--seed", "1", "--format", "json", "--out", join(dir, "cli.json")]);
    console.log(`CLI (--randomize, one process)          wall ${cli.wall.toFixed(1)} s, CPU ${cli.cpu.toFixed(1)} s`);

    const hub = await createMockHub({ repos: { "bench/tinyllama": model.dir } });
    const service = await startWranglerDev({ root: ROOT, vars: { HF_ENDPOINT: hub.url, TRIGGERS_PER_MINUTE: "1000" }, persistTo: join(dir, "state"), logFile: join(dir, "wrangler.log") });
    let serviceWall = 0;
    let mostRunning = 0;
    let mostInFlight = 0;
    let slowestStatus = 0;
    try {
      const started = performance.now();
      const answer = await getJson<{ key: string }>(`${service.url}/api/analyze`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "bench/tinyllama" }) });
      for (;;) {
        const asked = performance.now();
        const status = await getJson<{ state: string; error?: string; tasks: { running: number; queued: number } }>(`${service.url}/api/jobs/${answer.key}`);
        slowestStatus = Math.max(slowestStatus, (performance.now() - asked) / 1000);
        mostRunning = Math.max(mostRunning, status.tasks.running);
        mostInFlight = Math.max(mostInFlight, status.tasks.running + status.tasks.queued);
        if (status.state === "failed") throw new Error(`the service's job failed: ${status.error}`);
        if (status.state === "done") break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      serviceWall = (performance.now() - started) / 1000;
    } finally {
      await service.stop();
      await hub.close();
    }
    console.log(`service (wrangler dev, both Workers)     wall ${serviceWall.toFixed(1)} s: ${(serviceWall / cli.wall).toFixed(2)}× the CLI; at most ${mostRunning} task(s) seen running at once, ${mostInFlight} in flight (the job's window); slowest status answer ${slowestStatus.toFixed(1)} s`);
    console.log(`  (locally the queue delivers one message at a time and workerd runs both Workers on one thread, so a status poll waits out a task's longest synchronous step and often lands between tasks)`);

    // the service's measured speed against its own cost model, carried over to a 7B model's plan
    const speed = work.seconds / serviceWall;
    const big = plannedWork(planLayers(llamaTensors(LLAMA_7B)));
    const cpuSeconds = big.seconds / speed;
    console.log(`\n## Llama-2-7B-shaped on Cloudflare (projected: ${big.tasks} tasks, ${(cpuSeconds / 3600).toFixed(2)} CPU-hours at the rate measured above, ${speed.toFixed(2)}× the cost model's estimate)`);
    for (const c of CONCURRENCY) console.log(`${String(c).padStart(4)} tasks at once: ≈ ${(cpuSeconds / c / 60).toFixed(1)} min wall`);
    rmSync(dir, { recursive: true, force: true });
  } catch (error) {
    console.error(`bench:service: kept ${dir} (wrangler.log) to look at`);
    throw error;
  }
}

main().catch((error: Error) => {
  console.error(`bench:service: ${error.message}`);
  process.exit(1);
});
