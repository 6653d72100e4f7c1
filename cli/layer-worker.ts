// A worker thread of the CLI's pool (cli/create-layer-pool.ts): opens the model's files itself and
// analyses the layers it is handed, one at a time, with its own instance of the kernels.
import { parentPort, workerData } from "node:worker_threads";
import { analyzeLayerOutcome } from "../shared/analyze/analyze-layer-outcome.ts";
import { countBytes } from "../shared/analyze/count-bytes.ts";
import { eigvalsh as eigvalshJs } from "../shared/linalg/eigvalsh.ts";
import type { ByteSource } from "../shared/safetensors/types.ts";
import type { LayerJob, LayerWorkerData, LayerWorkerMessage } from "./layer-worker-messages.ts";
import { openModelFile } from "./open-model-file.ts";
import { wasmEngine } from "./wasm-engine.ts";

const data = workerData as LayerWorkerData;
const port = parentPort!;
const engine = data.module ? wasmEngine(data.module) : { eigvalsh: eigvalshJs, grams: undefined };
const open = openModelFile(data.location);
const sources = new Map<string, ByteSource>();
const post = (message: LayerWorkerMessage) => port.postMessage(message);

port.on("message", async ({ plan, settings }: LayerJob) => {
  const file = plan.tensor.file;
  if (!sources.has(file)) sources.set(file, open(file));
  const source = countBytes(sources.get(file)!, (bytes) => post({ type: "bytes", bytes }));
  post({ type: "outcome", outcome: await analyzeLayerOutcome(plan, source, { ...settings, eigvalsh: engine.eigvalsh, grams: engine.grams }) });
});
