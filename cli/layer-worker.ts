// A worker thread of the CLI's pool (cli/create-layer-pool.ts): opens the model's files itself and
// analyses the layers it is handed, one at a time, with its own instance of the kernels.
import { parentPort, workerData } from "node:worker_threads";
import { analyzeLayerOutcome } from "../shared/analyze/analyze-layer-outcome.ts";
import { countBytes } from "../shared/analyze/count-bytes.ts";
import { eigvalsh as eigvalshJs } from "../shared/linalg/eigvalsh.ts";
import type { ByteSource } from "../shared/safetensors/types.ts";
import type { LayerJob, LayerWorkerData, LayerWorkerMessage } from "./layer-worker-messages.ts";
import { openModelFile, type ModelLocation } from "./open-model-file.ts";
import { wasmEngine } from "./wasm-engine.ts";

const data = workerData as LayerWorkerData;
const port = parentPort!;
const engine = data.module ? wasmEngine(data.module) : { eigvalsh: eigvalshJs, grams: undefined, loraGrams: undefined };
const post = (message: LayerWorkerMessage) => port.postMessage(message);
const onBytes = (bytes: number) => post({ type: "bytes", bytes });

/** Each file opened once, its reads counted for progress. */
function opener(location: ModelLocation): (file: string) => ByteSource {
  const open = openModelFile(location);
  const sources = new Map<string, ByteSource>();
  return (file) => {
    if (!sources.has(file)) sources.set(file, open(file));
    return countBytes(sources.get(file)!, onBytes);
  };
}
const open = opener(data.location);
// a delta analysis (--base) reads the base model's files as well
const openBase = data.baseLocation ? opener(data.baseLocation) : null;

port.on("message", async ({ plan, settings }: LayerJob) => {
  const delta = openBase ? { open, openBase } : undefined;
  post({ type: "outcome", outcome: await analyzeLayerOutcome(plan, open(plan.tensor.file), { ...settings, eigvalsh: engine.eigvalsh, grams: engine.grams, loraGrams: engine.loraGrams }, delta) });
});
