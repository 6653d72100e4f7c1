import type { LayerOutcome } from "./analyze-layer-outcome.ts";
import type { LayerRunner, LayerSettings } from "./analyze-model.ts";
import type { LayerPlan } from "../plan/types.ts";

/** What a pool hands a worker: one layer at a time. */
export interface LayerWorkerJob {
  plan: LayerPlan;
  settings: LayerSettings;
}

/** A worker's answers: bytes read as they are read (for progress), then the layer's outcome. */
export type LayerWorkerAnswer = { type: "bytes"; bytes: number } | { type: "outcome"; outcome: LayerOutcome };

/** How a platform's worker (a Node worker thread, a Web Worker) tells the pool what it does. */
export interface LayerWorkerEvents {
  answer(message: LayerWorkerAnswer): void;
  /** the worker is gone or unusable (an uncaught error, a failed start, an exit, an unreadable answer) */
  stopped(reason: string, thrown?: unknown): void;
}

/** A started worker, as the pool uses it. */
export interface PoolWorker {
  post(job: LayerWorkerJob): void;
  terminate(): unknown;
}

export interface LayerWorkerPoolOptions {
  /** workers at most, each analysing one layer at a time */
  concurrency: number;
  /** the budget of the layers in flight together (LayerRunner.memoryBytes) */
  memoryBytes: number;
  /** starts one worker of the platform, its events wired to `events` */
  spawn(events: LayerWorkerEvents): PoolWorker;
  /** the error a layer is rejected with when its worker stops (reason "the analysis was stopped" after close) */
  stoppedError(plan: LayerPlan, reason: string, thrown?: unknown): Error;
}

export interface LayerWorkerPool extends LayerRunner {
  /** stops every worker; a layer still in flight is rejected */
  close(): Promise<void>;
}

const STOPPED = "the analysis was stopped";

interface Running {
  plan: LayerPlan;
  onBytes: (n: number) => void;
  resolve: (outcome: LayerOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * Workers that analyse the layers they are handed, started as layers need them, up to
 * `concurrency`: the platform-free half of the CLI's worker-thread pool (cli/create-layer-pool.ts)
 * and the browser's Web Worker pool (site/src/scripts/analyze-local/). analyzeModel hands out
 * layers in plan order, never more than `concurrency` at once and within `memoryBytes`
 * (runInOrder), so a layer always finds a free worker. A worker that stops rejects its layer with
 * `stoppedError`, which ends the analysis: a layer's own failure is an outcome, not a rejection.
 */
export function createLayerWorkerPool(options: LayerWorkerPoolOptions): LayerWorkerPool {
  const idle: PoolWorker[] = [];
  const running = new Map<PoolWorker, Running>();
  const workers = new Set<PoolWorker>();
  let closing = false;

  const spawn = (): PoolWorker => {
    let worker: PoolWorker | undefined;
    // a worker may report a failed start before spawn returns it
    const early: [string, unknown][] = [];
    const stopped = (reason: string, thrown?: unknown) => {
      if (!worker) return void early.push([reason, thrown]);
      if (!workers.delete(worker)) return;
      // a Web Worker outlives its error: it must not be handed another layer, nor keep running
      Promise.resolve(worker.terminate()).catch(() => {});
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      const job = running.get(worker);
      running.delete(worker);
      if (job) job.reject(options.stoppedError(job.plan, closing ? STOPPED : reason, thrown));
    };
    worker = options.spawn({
      answer(message) {
        const job = running.get(worker!);
        if (!job) return;
        if (message.type === "bytes") job.onBytes(message.bytes);
        else {
          running.delete(worker!);
          idle.push(worker!);
          job.resolve(message.outcome);
        }
      },
      stopped,
    });
    workers.add(worker);
    if (early.length > 0) void Promise.resolve().then(() => early.forEach(([reason, thrown]) => stopped(reason, thrown)));
    return worker;
  };

  return {
    concurrency: options.concurrency,
    memoryBytes: options.memoryBytes,
    analyze(plan, settings, onBytes) {
      return new Promise((resolve, reject) => {
        if (closing) return reject(options.stoppedError(plan, STOPPED));
        const worker = idle.pop() ?? spawn();
        running.set(worker, { plan, onBytes, resolve, reject });
        worker.post({ plan, settings });
      });
    },
    async close() {
      closing = true;
      const all = [...workers];
      await Promise.all(all.map((w) => w.terminate()));
      // a platform whose terminate says nothing (a Web Worker) still rejects what was in flight
      for (const w of all) if (running.has(w)) {
        const job = running.get(w)!;
        running.delete(w);
        job.reject(options.stoppedError(job.plan, STOPPED));
      }
      workers.clear();
      idle.length = 0;
    },
  };
}
