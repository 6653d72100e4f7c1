// A worker thread of the CLI's pool (cli/create-layer-pool.ts): opens the model's files itself and
// analyses the layers it is handed, one at a time, with its own instance of the kernels.
import { parentPort, workerData } from "node:worker_threads";
import { answerLayerJobs, type LayerWorkerAnswer, type LayerWorkerJob } from "#shared/analyze";
import { eigvalsh as eigvalshJs } from "#shared/linalg";
import type { LayerWorkerData } from "./layer-worker-messages.ts";
import { openModelFile } from "./open-model-file.ts";
import { wasmEngine } from "./wasm-engine.ts";

const data = workerData as LayerWorkerData;
const port = parentPort!;
const engine = data.module ? wasmEngine(data.module) : { eigvalsh: eigvalshJs, grams: undefined, loraGrams: undefined };
// a delta analysis (--base) reads the base model's files as well
const answer = answerLayerJobs(
  { open: openModelFile(data.location), ...(data.baseLocation && { openBase: openModelFile(data.baseLocation) }) },
  engine,
  (message: LayerWorkerAnswer) => port.postMessage(message),
);

port.on("message", (job: LayerWorkerJob) => void answer(job));
