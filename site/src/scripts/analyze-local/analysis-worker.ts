/// <reference lib="webworker" />
import { GPU } from "gpu.js";
import { analyzeModel, type LayerWorkerPool } from "#shared/analyze";
import { chooseBrowserGram } from "./choose-browser-gram.ts";
import { createBrowserLayerPool } from "./create-browser-layer-pool.ts";
import { localModelFiles } from "./local-model-files.ts";
import type { AnalysisMessage, StartAnalysis, StopAnalysis } from "./worker-messages.ts";

// The analysis runs in a worker so that the page keeps answering while the Grams are built (a
// WebGL2 read-back blocks its thread). gpu.js draws on an OffscreenCanvas here. With more than one
// worker asked for, this one lists and plans the layers and hands them to a pool of layer workers
// (create-browser-layer-pool.ts). Whether it finishes or is asked to stop, it ends them and then
// closes itself, so that nothing of this analysis runs on.
const scope = self as unknown as DedicatedWorkerGlobalScope;
let stopping = false;
let pool: LayerWorkerPool | null = null;
const post = (message: AnalysisMessage) => {
  if (!stopping) scope.postMessage(message);
};

scope.onmessage = async (event: MessageEvent<StartAnalysis | StopAnalysis>) => {
  if (event.data.type === "stop") {
    stopping = true;
    await pool?.close();
    return scope.close();
  }
  const { files, engine: preference, randomize, seed, workers, memoryBytes } = event.data;
  const started = performance.now();
  let dispose = () => {};
  let answer: AnalysisMessage;
  try {
    const { model, description } = await localModelFiles(files);
    const { gram, note } = await chooseBrowserGram(GPU, preference);
    if (gram) dispose = gram.dispose;
    const engine = gram ? `${gram.engine}+js-f64` : "js-f64";
    post({ type: "engine", engine, note });
    if (workers > 1 && !stopping) {
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
    answer = { type: "done", report, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    answer = { type: "error", message: error instanceof Error ? error.message : String(error) };
  } finally {
    dispose();
    // the layer workers end before the answer: the page may terminate this worker on it
    await pool?.close();
  }
  post(answer);
  scope.close();
};
