import { summarizeLayers } from "../metrics/summarize-layers.ts";
import type { AnalysedLayer, ComponentSummary, FailedLayer, SkippedLayer } from "../report/schema.ts";

/** The layer with the component its name starts with (`unet/…` → unet); unchanged when none does. */
export function tagComponent<T extends { name: string }>(layer: T, components: readonly string[]): T & { component?: string } {
  const component = components.find((c) => layer.name.startsWith(`${c}/`));
  return component === undefined ? layer : { ...layer, component };
}

/** Each component's summary: the model summary's means and counts over that component's layers only. */
export function summarizeComponents(
  components: readonly string[],
  layers: readonly AnalysedLayer[],
  skipped: readonly SkippedLayer[],
  failed: readonly FailedLayer[],
): ComponentSummary[] {
  return components.map((name) => {
    const own = <T extends { component?: string }>(list: readonly T[]) => list.filter((l) => l.component === name);
    const { reference, successful_fits, layers_analysed, over_trained, under_trained } = summarizeLayers(own(layers));
    return { name, reference, successful_fits, layers_analysed, layers_skipped: own(skipped).length, layers_failed: own(failed).length, over_trained, under_trained };
  });
}
