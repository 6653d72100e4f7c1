import { analyzeLayer } from "../../shared/analyze/analyze-layer.ts";
import { analysedSpectrum } from "../../shared/esd/analysed-spectrum.ts";
import { gramLayout } from "../../shared/esd/gram-layout.ts";
import { tallGramPartial } from "../../shared/esd/tall-gram-partial.ts";
import { wideGramBlock } from "../../shared/esd/wide-gram-block.ts";
import { compactEsd } from "../../shared/metrics/compact-esd.ts";
import { measureLayer } from "../../shared/metrics/measure-layer.ts";
import type { AnalysedLayer } from "../../shared/report/schema.ts";
import type { DeltaSources } from "../../shared/analyze/analyze-layer-outcome.ts";
import { biasDistance } from "../../shared/delta/bias-distance.ts";
import { frobeniusNorm } from "../../shared/delta/frobenius-norm.ts";
import type { ByteSource } from "../../shared/safetensors/types.ts";
import type { LayerEngine } from "../engine.ts";
import { getGramPart, putGramPart } from "./gram-parts.ts";
import { addGramPart } from "./add-gram-part.ts";
import { layerValueReader } from "./layer-value-reader.ts";
import type { TaskMessage } from "./task-message.ts";

/**
 * Does one task's work, streaming its byte range from `source`: a whole layer (every column of the
 * report), a part of a split layer (its partial Gram, stored in KV), or a split layer's combine
 * (the parts added up, solved and measured). Returns the analysed layer, or null for a part. In an
 * analysis against a base, `delta` opens the model's other files and the base's (layerValueReader).
 */
export async function runTaskWork(task: TaskMessage, source: ByteSource, engine: LayerEngine, kv: KVNamespace, delta?: DeltaSources): Promise<AnalysedLayer | null> {
  const { work } = task;
  const { plan, read } = await layerValueReader(task.plan, source, delta);
  // a delta layer's delta_b (its biases' distance), added as the CLI's analyzeLayerOutcome adds it
  const withBias = async (layer: AnalysedLayer): Promise<AnalysedLayer> => {
    if (!plan.base || !delta) return layer;
    const { shape, dtype, esd, ...columns } = layer;
    return { ...columns, delta_b: await biasDistance(plan.base, delta.open, delta.openBase), shape, dtype, esd };
  };
  switch (work.kind) {
    case "layer":
      return withBias(await analyzeLayer(plan, read, { randomize: work.randomize ?? true, seed: task.seed, eigvalsh: engine.eigvalsh, grams: engine.grams, loraGrams: engine.loraGrams }));
    case "packed": {
      if (!engine.packedSpectrum) throw new Error(`the ${engine.name} engine cannot hold a Gram packed; the layer is too large for it`);
      const spectrum = analysedSpectrum(plan, await engine.packedSpectrum(plan, read));
      const columns = measureLayer(plan, spectrum);
      // the difference streams again for its norm: the packed Gram's trace sums in another order
      const delta_W = plan.base ? { delta_W: await frobeniusNorm(read, plan.tensor.shape.reduce((p, d) => p * d, 1)) } : {};
      return withBias({ ...columns, ...delta_W, shape: plan.tensor.shape, dtype: plan.tensor.dtype, esd: compactEsd(spectrum, columns) });
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
      return withBias(await analyzeLayer(plan, read, { randomize: work.randomize, seed: task.seed, eigvalsh: engine.eigvalsh, grams: async () => ({ grams }) }));
    }
  }
}
