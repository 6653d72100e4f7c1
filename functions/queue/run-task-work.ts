import { analyzeLayer } from "../../shared/analyze/analyze-layer.ts";
import { layerSeed } from "../../shared/analyze/layer-seed.ts";
import { gramLayout } from "../../shared/esd/gram-layout.ts";
import { spectrumFromGrams } from "../../shared/esd/spectrum-from-grams.ts";
import { tallGramPartial } from "../../shared/esd/tall-gram-partial.ts";
import { wideGramBlock } from "../../shared/esd/wide-gram-block.ts";
import { compactEsd } from "../../shared/metrics/compact-esd.ts";
import { createRng } from "../../shared/metrics/create-rng.ts";
import { measureLayer } from "../../shared/metrics/measure-layer.ts";
import { randomizedSpectrum } from "../../shared/metrics/randomized-spectrum.ts";
import type { AnalysedLayer } from "../../shared/report/schema.ts";
import { tensorValueReader } from "../../shared/safetensors/tensor-value-reader.ts";
import type { ByteSource } from "../../shared/safetensors/types.ts";
import type { LayerEngine } from "../engine.ts";
import { getGramPart, putGramPart } from "../kv/gram-parts.ts";
import { addGramPart } from "./add-gram-part.ts";
import type { TaskMessage } from "./task-message.ts";

/**
 * Does one task's work, streaming its byte range from `source`: a whole layer (every column of the
 * report), a part of a split layer (its partial Gram, stored in KV), or a split layer's combine
 * (the parts added up, solved and measured). Returns the analysed layer, or null for a part.
 */
export async function runTaskWork(task: TaskMessage, source: ByteSource, engine: LayerEngine, kv: KVNamespace): Promise<AnalysedLayer | null> {
  const { plan, work } = task;
  const read = tensorValueReader(source, plan.tensor);
  switch (work.kind) {
    case "layer":
      return analyzeLayer(plan, read, { randomize: true, seed: task.seed, eigvalsh: engine.eigvalsh, grams: engine.grams });
    case "tall-part":
      await putGramPart(kv, task.key, task.task, await tallGramPartial(plan, read, work.rowStart, work.rowEnd));
      return null;
    case "wide-block":
      await putGramPart(kv, task.key, task.task, (await wideGramBlock(plan, read, work.i, work.j, work.panelRows)).block);
      return null;
    case "combine": {
      const layout = gramLayout(plan);
      const grams = Array.from({ length: layout.rf }, () => new Float64Array(layout.order * layout.order));
      for (const part of work.parts) addGramPart(layout, grams, part.work, await getGramPart(kv, task.key, part.task));
      const spectrum = spectrumFromGrams(plan, grams, { eigvalsh: engine.eigvalsh });
      // the same generator a whole-layer task uses, so a split layer reports the same numbers
      const randomized = work.randomize
        ? await randomizedSpectrum(plan, read, createRng(layerSeed(task.seed, plan.layer_id)), { eigvalsh: engine.eigvalsh })
        : undefined;
      const columns = measureLayer(plan, spectrum, randomized);
      return { ...columns, shape: plan.tensor.shape, dtype: plan.tensor.dtype, esd: compactEsd(spectrum, columns, randomized) };
    }
  }
}
