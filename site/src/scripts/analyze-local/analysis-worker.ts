/// <reference lib="webworker" />
import { GPU } from "gpu.js";
import { analyzeModel } from "../../../../shared/analyze/analyze-model.ts";
import type { LayerWorkerPool } from "../../../../shared/analyze/layer-worker-pool.ts";
import { chooseBrowserGram } from "./choose-browser-gram.ts";
import { createBrowserLayerPool } from "./create-browser-layer-pool.ts";
import { localModelFiles } from "./local-model-files.ts";
import type { AnalysisMessage, StartAnalysis } from "./worker-messages.ts";

// The analysis runs in a worker so that the page keeps answering while the Grams are built (a
// WebGL2 read-back blocks its thread). gpu.js draws on an OffscreenCanvas here. With more than one
// worker asked for, this one lists and plans the layers and hands them to a pool of layer workers
// (create-browser-layer-pool.ts), which end with it when the page terminates it.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: AnalysisMessage) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<StartAnalysis>) => {
  const { files, engine: preference, randomize, seed, workers, memoryBytes } = event.data;
  const started = performance.now();
  let dispose = () => {};
  let pool: LayerWorkerPool | null = null;
  try {
    const { model, description } = await localModelFiles(files);
    const { gram, note } = await chooseBrowserGram(GPU, preference);
    if (gram) dispose = gram.dispose;
    const engine = gram ? `${gram.engine}+js-f64` : "js-f64";
    post({ type: "engine", engine, note });
    if (workers > 1) {
      // every layer worker starts the same backend; this one's product is no longer needed
      dispose();
      dispose = () => {};
      pool = createBrowserLayerPool({ workers, memoryBytes, start: { files, gram: gram?.mode ?? "cpu", engine } });
    }
    const report = await analyzeModel(model, description, {
      randomize,
      seed,
      engine,
      ...(pool ? { runner: pool } : { grams: gram?.grams }),
      onProgress: (progress) => post({ type: "progress", progress }),
    });
    post({ type: "done", report, seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  } finally {
    dispose();
    await pool?.close();
  }
};
