import { Worker } from "node:worker_threads";
import { createLayerWorkerPool, type LayerWorkerAnswer, type LayerWorkerJob, type LayerWorkerPool } from "#shared/analyze";
import { LayerWorkerError } from "./layer-worker-error.ts";
import type { LayerWorkerData } from "./layer-worker-messages.ts";
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

export type LayerPool = LayerWorkerPool;

/**
 * Worker threads that analyse the layers they are handed (cli/layer-worker.ts), started as layers
 * need them, up to `threads`, on the pool the browser uses too (shared/analyze/layer-worker-pool.ts).
 * A worker that stops (an uncaught error, running out of memory, a failed start, an exit) rejects
 * its layer with a LayerWorkerError naming it.
 */
export function createLayerPool(options: LayerPoolOptions): LayerPool {
  const workerData: LayerWorkerData = { location: options.location, baseLocation: options.baseLocation ?? null, module: options.module };
  return createLayerWorkerPool({
    concurrency: options.threads,
    memoryBytes: options.memoryBytes,
    stoppedError: (plan, reason, thrown) => new LayerWorkerError(plan, reason, thrown),
    spawn(events) {
      const worker = new Worker(options.workerUrl ?? layerWorkerUrl(), { workerData });
      worker.on("message", (message: LayerWorkerAnswer) => events.answer(message));
      worker.on("error", (error) => events.stopped(error.message, error));
      worker.on("messageerror", (error) => events.stopped(`its answer could not be read: ${error.message}`));
      worker.on("exit", (code) => events.stopped(`it exited with code ${code}`));
      return { post: (job: LayerWorkerJob) => worker.postMessage(job), terminate: () => worker.terminate() };
    },
  });
}
