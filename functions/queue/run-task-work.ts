import { analyzeLayer } from "../../shared/analyze/analyze-layer.ts";
import { gramLayout } from "../../shared/esd/gram-layout.ts";
import { tallGramPartial } from "../../shared/esd/tall-gram-partial.ts";
import { wideGramBlock } from "../../shared/esd/wide-gram-block.ts";
import { compactEsd } from "../../shared/metrics/compact-esd.ts";
import { measureLayer } from "../../shared/metrics/measure-layer.ts";
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
    case "packed": {
      if (!engine.packedSpectrum) throw new Error(`the ${engine.name} engine cannot hold a Gram packed; the layer is too large for it`);
      const spectrum = await engine.packedSpectrum(plan, read);
      const columns = measureLayer(plan, spectrum);
      return { ...columns, shape: plan.tensor.shape, dtype: plan.tensor.dtype, esd: compactEsd(spectrum, columns) };
    }
    case "tall-part": {
      const part = engine.tallGramPartial ?? tallGramPartial;
      await putGramPart(kv, task.key, task.task, await part(plan, read, work.rowStart, work.rowEnd));
      return null;
    }
    case "wide-block": {
      const block = engine.wideGramBlock ?? (async (...args: Parameters<typeof wideGramBlock>) => (await wideGramBlock(...args)).block);
      await putGramPart(kv, task.key, task.task, await block(plan, read, work.i, work.j, work.panelRows));
      return null;
    }
    case "combine": {
      // the parts' Grams stand in for the streamed ones; the rest (randomization with the layer's
      // own seed, every column) is exactly a whole-layer task's, so a split layer reports the same
      const layout = gramLayout(plan);
      const grams = Array.from({ length: layout.rf }, () => new Float64Array(layout.order * layout.order));
      for (const part of work.parts) addGramPart(layout, grams, part.work, await getGramPart(kv, task.key, part.task));
      return analyzeLayer(plan, read, { randomize: work.randomize, seed: task.seed, eigvalsh: engine.eigvalsh, grams: async () => ({ grams }) });
    }
  }
}
