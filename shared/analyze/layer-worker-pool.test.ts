import { describe, expect, it } from "vitest";
import { analyzeModel, type AnalyzeModelOptions } from "./analyze-model.ts";
import { answerLayerJobs } from "./answer-layer-jobs.ts";
import { layerMemoryBytes } from "./layer-memory-bytes.ts";
import { createLayerWorkerPool, type LayerWorkerEvents, type LayerWorkerPool, type PoolWorker } from "./layer-worker-pool.ts";
import { memoryByteSource } from "../safetensors/memory-byte-source.ts";
import type { ModelFiles } from "../safetensors/types.ts";
import type { LayerPlan } from "../plan/types.ts";
import { tinyLlama, tinySafetensors } from "../../test/helpers/tiny-llama.ts";

const bytes = tinySafetensors(tinyLlama({ hidden: 64, intermediate: 160, vocab: 120, layers: 2, seed: 5 }));
const model = (): ModelFiles => ({ files: ["model.safetensors"], open: (f) => memoryByteSource(f, bytes, { chunkBytes: 7_000 }) });
const description = { id: "tiny", source: "local" as const, revision: null, sha: null, family: null };
const options: AnalyzeModelOptions = { randomize: true, seed: 11, engine: "js-f64", chunkBytes: 5_000, now: () => new Date(0) };

/** What the pool did: the layers in the order handed out, the costs in flight at each hand-out, the workers started and stopped. */
interface Watched {
  handed: LayerPlan[];
  together: number[][];
  spawned: number;
  terminated: number;
}

/**
 * A pool over workers on no platform: each does what a Node worker thread or a Web Worker does
 * with a job (structured clones across the boundary, answers in later tasks, its own opened
 * files), in this thread, so that what is tested is the pool's own logic. The worker handed the
 * layer `crash` stops as a crashed worker does.
 */
function threadlessPool(concurrency: number, memoryBytes: number, crash?: string): { pool: LayerWorkerPool; watched: Watched } {
  const watched: Watched = { handed: [], together: [], spawned: 0, terminated: 0 };
  const inFlight = new Map<LayerPlan, number>();
  const pool = createLayerWorkerPool({
    concurrency,
    memoryBytes,
    stoppedError: (plan, reason) => new Error(`layer ${plan.layer_id} (${plan.name}) stopped: ${reason}`),
    spawn(events: LayerWorkerEvents): PoolWorker {
      watched.spawned++;
      let alive = true;
      let current: LayerPlan | null = null;
      const answer = answerLayerJobs({ open: model().open }, {}, (message) =>
        setTimeout(() => {
          if (!alive) return;
          if (message.type === "outcome") inFlight.delete(current!);
          events.answer(structuredClone(message));
        }),
      );
      return {
        post(job) {
          current = job.plan;
          watched.handed.push(job.plan);
          inFlight.set(job.plan, layerMemoryBytes(job.plan, job.settings));
          watched.together.push([...inFlight.values()]);
          const copy = structuredClone(job);
          setTimeout(() => (copy.plan.name === crash ? events.stopped("it ran out of memory") : void answer(copy)));
        },
        terminate() {
          alive = false;
          watched.terminated++;
        },
      };
    },
  });
  return { pool, watched };
}

const costs = async () => {
  const { pool, watched } = threadlessPool(1, Infinity);
  await analyzeModel(model(), description, { ...options, runner: pool });
  return watched.together.map(([cost]) => cost);
};

describe("createLayerWorkerPool", () => {
  it("gives the in-process report at any number of workers, the layers handed out in plan order", async () => {
    const here = await analyzeModel(model(), description, options);
    expect(here.layers.length).toBeGreaterThan(8);
    const order = [...here.layers].sort((a, b) => a.layer_id - b.layer_id).map((l) => l.layer_id);
    for (const concurrency of [1, 2, 3, 5]) {
      const { pool, watched } = threadlessPool(concurrency, Infinity);
      const pooled = await analyzeModel(model(), description, { ...options, runner: pool });
      await pool.close();
      expect(JSON.stringify(pooled)).toBe(JSON.stringify(here));
      expect(watched.handed.map((p) => p.layer_id)).toEqual(order);
      expect(watched.spawned).toBe(concurrency);
      expect(Math.max(...watched.together.map((t) => t.length))).toBe(concurrency);
    }
  });

  it("starts a layer only when its estimate fits the budget beside those running; a larger one runs alone", async () => {
    const each = await costs();
    // two of the small layers fit together, a wide one (its row panels) fits beside none
    const budget = 2 * Math.min(...each) + 1;
    expect(Math.max(...each)).toBeGreaterThan(budget);
    const { pool, watched } = threadlessPool(4, budget);
    const pooled = await analyzeModel(model(), description, { ...options, runner: pool });
    expect(pooled.layers).toHaveLength(each.length);
    const shared = watched.together.filter((t) => t.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const t of shared) expect(t.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget);
    expect(watched.together.filter((t) => t.length === 1 && t[0] > budget).length).toBeGreaterThan(0);
  });

  it("ends the analysis with the platform's error naming the layer whose worker stopped, and stops every worker", async () => {
    const here = await analyzeModel(model(), description, options);
    const victim = [...here.layers].sort((a, b) => a.layer_id - b.layer_id)[3];
    const { pool, watched } = threadlessPool(2, Infinity, victim.name);
    await expect(analyzeModel(model(), description, { ...options, runner: pool })).rejects.toThrow(`layer ${victim.layer_id} (${victim.name}) stopped: it ran out of memory`);
    expect(watched.terminated).toBe(1);
    await pool.close();
    expect(watched.terminated).toBe(2);
    await expect(pool.analyze(watched.handed[0], { randomize: false, seed: 0, holdValuesBytes: 0 }, () => {})).rejects.toThrow(/stopped: the analysis was stopped$/);
  });

  it("rejects the layers in flight when it is closed", async () => {
    const { pool, watched } = threadlessPool(3, Infinity);
    const analysis = analyzeModel(model(), description, { ...options, runner: pool });
    while (watched.handed.length < 3) await new Promise((r) => setTimeout(r));
    await pool.close();
    await expect(analysis).rejects.toThrow(/stopped: the analysis was stopped$/);
    expect(watched.terminated).toBe(3);
  });
});
