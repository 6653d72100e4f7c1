import { createLayerWorkerPool, type LayerWorkerAnswer, type LayerWorkerPool } from "#shared/analyze";
import type { StartLayerWorker } from "./worker-messages.ts";

export interface BrowserLayerPoolOptions {
  /** Web Workers at most, each analysing one layer at a time */
  workers: number;
  /** the budget of the layers in flight together, by layerMemoryBytes */
  memoryBytes: number;
  /** what every worker opens and starts with */
  start: StartLayerWorker;
}

/**
 * Web Workers (layer-worker.ts) that analyse the layers the analysis hands them, on the pool the
 * CLI's worker threads use too (shared/analyze/layer-worker-pool.ts): started as layers need them,
 * each opening the dropped files itself. A worker that fails to start or throws ends the analysis
 * with an error naming its layer. Started from the analysis worker, they end with it.
 */
export function createBrowserLayerPool(options: BrowserLayerPoolOptions): LayerWorkerPool {
  return createLayerWorkerPool({
    concurrency: options.workers,
    memoryBytes: options.memoryBytes,
    stoppedError: (plan, reason) => new Error(`the worker analysing layer ${plan.layer_id} (${plan.name}) stopped: ${reason}`),
    spawn(events) {
      const worker = new Worker(new URL("./layer-worker.ts", import.meta.url), { type: "module" });
      worker.onmessage = (event: MessageEvent<LayerWorkerAnswer>) => events.answer(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        events.stopped(event.message || "the worker failed to start");
      };
      worker.onmessageerror = () => events.stopped("its answer could not be read");
      worker.postMessage(options.start);
      return { post: (job) => worker.postMessage(job), terminate: () => worker.terminate() };
    },
  });
}
