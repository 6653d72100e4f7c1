import { Worker } from "node:worker_threads";
import type { LayerOutcome } from "../shared/analyze/analyze-layer-outcome.ts";
import type { LayerRunner } from "../shared/analyze/analyze-model.ts";
import type { LayerPlan } from "../shared/plan/types.ts";
import { LayerWorkerError } from "./layer-worker-error.ts";
import type { LayerJob, LayerWorkerData, LayerWorkerMessage } from "./layer-worker-messages.ts";
import { layerWorkerUrl } from "./layer-worker-url.ts";
import type { ModelLocation } from "./open-model-file.ts";

export interface LayerPoolOptions {
  /** worker threads at most, each analysing one layer at a time */
  threads: number;
  /** the budget of the layers in flight together (LayerRunner.memoryBytes) */
  memoryBytes: number;
  location: ModelLocation;
  /** where the base model's files are read in a delta analysis (--base) */
  baseLocation?: ModelLocation;
  /** the compiled kernels each worker instantiates; null: the JS solver */
  module: WebAssembly.Module | null;
  /** the workers' entry (default layerWorkerUrl()) */
  workerUrl?: URL;
}

export interface LayerPool extends LayerRunner {
  /** stops every worker; a layer still in flight is rejected */
  close(): Promise<void>;
}

interface Running {
  plan: LayerPlan;
  onBytes: (n: number) => void;
  resolve: (outcome: LayerOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads that analyse the layers they are handed (cli/layer-worker.ts), started as layers
 * need them, up to `threads`. analyzeModel never hands out more layers than `threads` at once, so
 * a layer always finds a free worker. A worker that stops (an uncaught error, running out of
 * memory, a failed start, an exit) rejects its layer with a LayerWorkerError naming it.
 */
export function createLayerPool(options: LayerPoolOptions): LayerPool {
  const workerData: LayerWorkerData = { location: options.location, baseLocation: options.baseLocation ?? null, module: options.module };
  const idle: Worker[] = [];
  const running = new Map<Worker, Running>();
  const workers = new Set<Worker>();
  let closing = false;

  const stopped = (worker: Worker, reason: string, thrown?: unknown) => {
    workers.delete(worker);
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    const job = running.get(worker);
    running.delete(worker);
    if (job) job.reject(new LayerWorkerError(job.plan, reason, thrown));
  };

  const spawn = () => {
    const worker = new Worker(options.workerUrl ?? layerWorkerUrl(), { workerData });
    workers.add(worker);
    worker.on("message", (message: LayerWorkerMessage) => {
      const job = running.get(worker);
      if (!job) return;
      if (message.type === "bytes") job.onBytes(message.bytes);
      else {
        running.delete(worker);
        idle.push(worker);
        job.resolve(message.outcome);
      }
    });
    worker.on("error", (error) => stopped(worker, error.message, error));
    worker.on("messageerror", (error) => stopped(worker, `its answer could not be read: ${error.message}`));
    worker.on("exit", (code) => stopped(worker, closing ? "the analysis was stopped" : `it exited with code ${code}`));
    return worker;
  };

  return {
    concurrency: options.threads,
    memoryBytes: options.memoryBytes,
    analyze(plan, settings, onBytes) {
      return new Promise((resolve, reject) => {
        if (closing) return reject(new LayerWorkerError(plan, "the analysis was stopped"));
        const worker = idle.pop() ?? spawn();
        running.set(worker, { plan, onBytes, resolve, reject });
        worker.postMessage({ plan, settings } satisfies LayerJob);
      });
    },
    async close() {
      closing = true;
      await Promise.all([...workers].map((w) => w.terminate()));
    },
  };
}
