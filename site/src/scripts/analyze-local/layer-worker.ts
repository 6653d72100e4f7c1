/// <reference lib="webworker" />
import { GPU } from "gpu.js";
import { answerLayerJobs, type LayerWorkerAnswer, type LayerWorkerJob } from "#shared/analyze";
import { chooseBrowserGram } from "./choose-browser-gram.ts";
import { localModelFiles } from "./local-model-files.ts";
import type { StartLayerWorker } from "./worker-messages.ts";

// A Web Worker of the local analysis' pool (create-browser-layer-pool.ts): it opens the dropped
// files itself (File slices, as the analysis worker does), starts the Gram engine the analysis
// chose, and analyses the layers it is handed one at a time with the function the in-process loop
// calls. Its first message says what to open; every later one is a layer.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (answer: LayerWorkerAnswer) => scope.postMessage(answer);

async function start({ files, gram: mode, engine }: StartLayerWorker) {
  const { model } = await localModelFiles(files);
  const { gram, note } = await chooseBrowserGram(GPU, mode);
  const mine = gram ? `${gram.engine}+js-f64` : "js-f64";
  if (mine !== engine) throw new Error(`this worker's engine is ${mine}, not the analysis' ${engine} (${note})`);
  return answerLayerJobs({ open: model.open }, { grams: gram?.grams }, post);
}

// an error thrown outside a message's own turn would go unseen: rethrown in a task of its own, it
// reaches the pool as the Worker's error event, which stops this worker's layer and the analysis
const raise = (error: unknown) => setTimeout(() => {
  throw error;
});

let answer: Promise<(job: LayerWorkerJob) => Promise<void>> | null = null;
scope.onmessage = (event: MessageEvent<StartLayerWorker | LayerWorkerJob>) => {
  if (answer === null) {
    answer = start(event.data as StartLayerWorker);
    answer.catch(raise);
    return;
  }
  const job = event.data as LayerWorkerJob;
  answer.then((run) => run(job)).catch(raise);
};
