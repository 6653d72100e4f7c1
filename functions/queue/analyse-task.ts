import { analyzeLayer } from "../../shared/analyze/analyze-layer.ts";
import type { AnalysedLayer } from "../../shared/report/schema.ts";
import { tensorValueReader } from "../../shared/safetensors/tensor-value-reader.ts";
import type { ByteSource } from "../../shared/safetensors/types.ts";
import type { LayerEngine } from "../engine.ts";
import type { TaskMessage } from "./task-message.ts";

/** Streams one layer's byte range from its file and computes every column of the report. */
export function analyseTask(task: TaskMessage, source: ByteSource, engine: LayerEngine): Promise<AnalysedLayer> {
  const read = tensorValueReader(source, task.plan.tensor);
  return analyzeLayer(task.plan, read, { randomize: true, seed: task.seed, eigvalsh: engine.eigvalsh });
}
