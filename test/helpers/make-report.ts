import { summarizeLayers } from "#shared/metrics";
import { COMPATIBLE_WITH, REPORT_SCHEMA, type BaseModelRef, type DeltaBaseIdentity, type Report } from "#shared/report";
import { makeLayer, type LayerSpec } from "./make-layer.ts";
import { seededRandom } from "./seeded-random.ts";

export interface ReportSpec {
  id: string;
  source?: "hub" | "local";
  family: string | null;
  revision?: string | null;
  sha?: string | null;
  createdAt: string;
  seed: number;
  randomize?: boolean;
  layers: LayerSpec[];
  skipped?: { name: string; shape: number[]; dtype?: string; reason: string }[];
  failed?: { name: string; shape: number[]; dtype?: string; error: string }[];
  files?: { name: string; size: number }[];
  dtypes?: string[];
  notes?: string[];
  /** model.lineage.base_models: the bases the model names for itself */
  lineage?: BaseModelRef[];
  /** method.base: a delta analysis (W − W_base) against this base; every layer then gets delta_W and delta_b */
  deltaBase?: DeltaBaseIdentity;
}

/**
 * A schema-valid report for a made-up model, deterministic in `spec.seed`. Layer ids follow the
 * reference: every `.weight` tensor counted in name order (so `h.10` comes before `h.2`).
 */
export function makeReport(spec: ReportSpec): Report {
  const random = seededRandom(spec.seed);
  const randomize = spec.randomize ?? true;
  const dtypeOf = (d?: string) => d ?? "F32";
  const names = [...spec.layers, ...(spec.skipped ?? []), ...(spec.failed ?? [])].map((l) => l.name).sort();
  const layerId = (name: string) => names.indexOf(name);
  const layers = spec.layers
    .map((l) => makeLayer(l, layerId(l.name), random, randomize))
    .sort((a, b) => a.layer_id - b.layer_id)
    // drawn after every layer, so reports without a delta base keep their numbers
    .map((l) => (spec.deltaBase ? { ...l, delta_W: 0.5 + random() * 4, delta_b: 0 } : l));
  const skipped = (spec.skipped ?? []).map((s) => ({
    layer_id: layerId(s.name),
    name: s.name,
    shape: s.shape,
    dtype: dtypeOf(s.dtype),
    reason: s.reason,
  }));
  const failed = (spec.failed ?? []).map((f) => ({
    layer_id: layerId(f.name),
    name: f.name,
    shape: f.shape,
    dtype: dtypeOf(f.dtype),
    error: f.error,
  }));
  const all = [...spec.layers, ...(spec.skipped ?? []), ...(spec.failed ?? [])];
  const parameters = all.reduce((s, l) => s + l.shape.reduce((p, d) => p * d, 1), 0);
  const summary = summarizeLayers(layers, { skipped: skipped.length, failed: failed.length });
  return {
    schema: REPORT_SCHEMA,
    tool: { name: "heavytail", version: "0.1.0" },
    method: { compatible_with: COMPATIBLE_WITH, mp_fit: true, randomize, seed: randomize ? spec.seed : null, engine: "js-f64", ...(spec.deltaBase && { base: spec.deltaBase }) },
    model: {
      id: spec.id,
      source: spec.source ?? "hub",
      revision: spec.revision === undefined ? "main" : spec.revision,
      sha: spec.sha === undefined ? null : spec.sha,
      files: spec.files ?? [{ name: "model.safetensors", size: parameters * 4 + 8192 }],
      parameters,
      dtypes: spec.dtypes ?? [...new Set(all.map((l) => dtypeOf(l.dtype)))],
      family: spec.family,
      ...(spec.lineage && { lineage: { base_models: spec.lineage } }),
    },
    created_at: spec.createdAt,
    summary: { ...summary, notes: [...summary.notes, ...(spec.notes ?? [])] },
    layers,
    skipped,
    failed,
  };
}
