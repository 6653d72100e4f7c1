import type { AnalysedLayer } from "#shared/report";
import { compareLayerNames } from "../lib/compare-layer-names.ts";

/** One layer name of either model, with each model's layer of that name (null where it has none). */
export interface MatchedLayer {
  name: string;
  a: AnalysedLayer | null;
  b: AnalysedLayer | null;
}

/** Both models' layers by name, in depth order (compareLayerNames), every name of either once. */
export function matchLayers(a: readonly AnalysedLayer[], b: readonly AnalysedLayer[]): MatchedLayer[] {
  const byName = new Map<string, MatchedLayer>();
  for (const layer of a) byName.set(layer.name, { name: layer.name, a: layer, b: null });
  for (const layer of b) byName.set(layer.name, { name: layer.name, a: byName.get(layer.name)?.a ?? null, b: layer });
  return [...byName.values()].sort((x, y) => compareLayerNames(x.name, y.name));
}
