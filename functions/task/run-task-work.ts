import { analyzeLayer, type DeltaSources } from "#shared/analyze";
import { analysedSpectrum, gramLayout, tallGramPartial, wideGramBlock, type LayerSpectrum } from "#shared/esd";
import { compactEsd, measureLayer } from "#shared/metrics";
import type { AnalysedLayer } from "#shared/report";
import { biasDistance, frobeniusNorm } from "#shared/delta";
import type { ByteSource } from "#shared/safetensors";
import type { LayerEngine } from "../layer-engine.ts";
import { getGramPart, gramPartChunks, gramPartWriter, putGramPart } from "./gram-parts.ts";
import { BAND_CHUNK_BYTES } from "./split-layer.ts";
import { addGramPart } from "./add-gram-part.ts";
import { layerValueReader } from "./layer-value-reader.ts";
import type { TaskMessage } from "./task-message.ts";

/**
 * Does one task's work, streaming its byte range from `source`: a whole layer (every column of the
 * report), a part of a split layer (its partial Gram or Gram band, stored in KV), or a split
 * layer's combine (the parts added up, solved and measured). Returns the analysed layer, or null for a part. In an
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
  // a packed Gram's layer: every column but the randomized ones
  const measurePacked = async (packed: LayerSpectrum): Promise<AnalysedLayer> => {
    const spectrum = analysedSpectrum(plan, packed);
    const columns = measureLayer(plan, spectrum);
    // the difference streams again for its norm: the packed Gram's trace sums in another order
    const delta_W = plan.base ? { delta_W: await frobeniusNorm(read, plan.tensor.shape.reduce((p, d) => p * d, 1)) } : {};
    return withBias({ ...columns, ...delta_W, shape: plan.tensor.shape, dtype: plan.tensor.dtype, esd: compactEsd(spectrum, columns) });
  };
  switch (work.kind) {
    case "layer":
      return withBias(await analyzeLayer(plan, read, { randomize: work.randomize ?? true, seed: task.seed, eigvalsh: engine.eigvalsh, grams: engine.grams, loraGrams: engine.loraGrams }));
    case "packed":
      return measurePacked(await packedEngine(engine).spectrum(plan, read));
    case "wide-band": {
      const part = await gramPartWriter(kv, task.key, task.task, BAND_CHUNK_BYTES);
      await packedEngine(engine).lowerBand(plan, read, work.rowStart, work.rowEnd, (values) => part.write(values));
      await part.close();
      return null;
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
      if (work.packed) {
        const bands = work.parts.map(({ task: part, work: band }) => {
          if (band.kind !== "wide-band") throw new Error(`a packed combine takes wide-band parts, not a ${band.kind} task`);
          return { start: band.rowStart, end: band.rowEnd, values: () => gramPartChunks(kv, task.key, part) };
        });
        return measurePacked(await packedEngine(engine).bandSpectrum(gramLayout(plan).order, bands));
      }
      // the parts' Grams stand in for the streamed ones; the rest (randomization with the layer's
      // own seed, every column) is exactly a whole-layer task's, so a split layer reports the same
      const layout = gramLayout(plan);
      const grams = Array.from({ length: layout.rf }, () => new Float64Array(layout.order * layout.order));
      for (const part of work.parts) addGramPart(layout, grams, part.work, await getGramPart(kv, task.key, part.task));
      return withBias(await analyzeLayer(plan, read, { randomize: work.randomize, seed: task.seed, eigvalsh: engine.eigvalsh, grams: async () => ({ grams }) }));
    }
  }
}

function packedEngine(engine: LayerEngine): NonNullable<LayerEngine["packed"]> {
  if (!engine.packed) throw new Error(`the ${engine.name} engine cannot hold a Gram packed; the layer is too large for it`);
  return engine.packed;
}
