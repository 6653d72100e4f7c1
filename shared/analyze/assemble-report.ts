import { summarizeLayers } from "../metrics/summarize-layers.ts";
import {
  COMPATIBLE_WITH,
  REPORT_SCHEMA,
  type AnalysedLayer,
  type DeltaBaseIdentity,
  type FailedLayer,
  type ModelIdentity,
  type Report,
  type SkippedLayer,
} from "../report/schema.ts";
import { TOOL_VERSION } from "../report/tool-version.ts";
import { componentsOfFiles } from "./choose-component-files.ts";
import { summarizeComponents, tagComponent } from "./summarize-components.ts";

export interface ReportParts {
  identity: ModelIdentity;
  method: { randomize: boolean; seed: number | null; engine: string; base?: DeltaBaseIdentity; peft?: "with_base" };
  layers: AnalysedLayer[];
  skipped: SkippedLayer[];
  failed: FailedLayer[];
  createdAt: Date;
  /** caveats about the model as a whole (how its weights were stored), appended to the summary's notes */
  notes?: string[];
}

/**
 * Puts finished layers (in any order) together into the report document. A multi-component repo
 * (its files all in first-level folders) gets each layer tagged with its component and a summary
 * per component beside the model's.
 */
export function assembleReport(parts: ReportParts): Report {
  const byId = (a: { layer_id: number }, b: { layer_id: number }) => a.layer_id - b.layer_id;
  const components = componentsOfFiles(parts.identity.files.map((f) => f.name));
  const tag = <T extends { name: string }>(list: T[]) => (components ? list.map((l) => tagComponent(l, components)) : list);
  const layers = tag([...parts.layers].sort(byId));
  const skipped = tag([...parts.skipped].sort(byId));
  const failed = tag([...parts.failed].sort(byId));
  const summary = summarizeLayers(layers);
  if (components) {
    summary.components = summarizeComponents(components, layers, skipped, failed);
    summary.notes.push(
      `A model of ${components.length} component${components.length === 1 ? "" : "s"} (${components.join(", ")}): the summary averages the layers of all of them; summary.components has each one's own.`,
    );
  }
  return {
    schema: REPORT_SCHEMA,
    tool: { name: "heavytail", version: TOOL_VERSION },
    method: {
      compatible_with: COMPATIBLE_WITH,
      mp_fit: true,
      randomize: parts.method.randomize,
      seed: parts.method.randomize ? parts.method.seed : null,
      engine: parts.method.engine,
      ...(parts.method.base && { base: parts.method.base }),
      ...(parts.method.peft && { peft: parts.method.peft }),
    },
    model: parts.identity,
    created_at: parts.createdAt.toISOString(),
    summary: { ...summary, notes: [...summary.notes, ...(parts.notes ?? [])], layers_analysed: layers.length, layers_skipped: skipped.length, layers_failed: failed.length },
    layers,
    skipped,
    failed,
  };
}
