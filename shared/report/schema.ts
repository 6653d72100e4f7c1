/**
 * The report: one JSON document per analysed model. The service stores it in KV, the site renders
 * it, the CLI prints it. This file holds its TypeScript types; the layer columns are described once in
 * `layer-columns.ts` (their type here is read off it), the whole document's shape in `report-shape.ts`,
 * which `validate-report.ts` checks documents against and `report-json-schema.ts` writes as JSON Schema. Non-finite numbers (log10 of a zero norm, say) are stored as `null`, since JSON has
 * no −∞; the summary says when that happened.
 */
import type { ColumnsOf, LAYER_COLUMNS, SUMMARY_METRICS } from "./layer-columns.ts";

export const REPORT_SCHEMA = "heavytail.report/v1" as const;
export const COMPATIBLE_WITH = "weightwatcher 0.7.5.5 analyze(mp_fit=True)" as const;

/** A number that may be non-finite in the computation; null in JSON when it was not finite. */
export type Num = number | null;

export interface ModelIdentity {
  /** `org/name` for Hub models, the folder or file name for local ones */
  id: string;
  source: "hub" | "local";
  /** the revision asked for (branch, tag or sha), null for local files */
  revision: string | null;
  /** the commit sha the revision resolved to, when known */
  sha: string | null;
  files: { name: string; size: number }[];
  /** total number of elements over all tensors */
  parameters: number;
  dtypes: string[];
  /** config.json `model_type` or architecture, when known */
  family: string | null;
  /**
   * How the weights were stored, when not in safetensors (optional, added to v1 without a version
   * change: a report without it was read from safetensors).
   */
  format?: WeightFormat;
  /**
   * present when the model is a PEFT adapter (adapter_config.json beside adapter_model.safetensors),
   * whose layers are its lora_BA products (docs/metrics.md §10); optional, added to v1 without a
   * version change
   */
  adapter?: AdapterInfo;
  /**
   * the models this one was made from, as its card, README front matter, adapter config or GGUF
   * metadata name them (docs/metrics.md §12); optional, added to v1 without a version change
   */
  lineage?: Lineage;
}

/** Where a model says it came from. */
export interface Lineage {
  /** every base named, first by the most direct source (card, readme, adapter, gguf), each id once */
  base_models: BaseModelRef[];
}

export interface BaseModelRef {
  /** a Hub id (`org/name`) or whatever the source wrote (a path, a name) */
  id: string;
  /** the card's base_model_relation ("finetune", "adapter", "merge", "quantized"), "adapter" for an adapter config's base, null when not said */
  relation: string | null;
  /** card: the Hub's model info (cardData); readme: a local README.md's YAML front matter; adapter: adapter_config.json; gguf: general.base_model.* */
  source: "card" | "readme" | "adapter" | "gguf";
}

/**
 * The base model of a delta analysis (`--base`, docs/metrics.md §11): every layer's spectrum is of
 * W − W_base, at the base's pinned revision.
 */
export interface DeltaBaseIdentity {
  id: string;
  source: "hub" | "local";
  /** the revision asked for, null for local files */
  revision: string | null;
  /** the commit it resolved to (the pin), null for local files */
  sha: string | null;
  files: { name: string; size: number }[];
}

/** What adapter_config.json says of a PEFT adapter; a field the file lacks (or mistypes) is null. */
export interface AdapterInfo {
  /** "LORA" for the adapters analysed here */
  peft_type: string | null;
  r: number | null;
  lora_alpha: number | null;
  /** the module names adapted, or PEFT's regular expression for them */
  target_modules: string[] | string | null;
  /** the model the adapter was trained on (a Hub id or a path) */
  base_model_name_or_path: string | null;
}

/** The checkpoint format a model's weights were read from (docs/metrics.md §9). */
export interface WeightFormat {
  kind: "safetensors" | "pytorch" | "gguf";
  /**
   * GGUF: `general.file_type` by llama.cpp's name ("Q4_K_M"), null when the file does not say;
   * quantized safetensors: the scheme (config.json's quantization_config.quant_method, "gptq",
   * "awq", "fp8", "mxfp4", "bitsandbytes" …, else the one the tensor names say); null otherwise
   */
  file_type: string | null;
  /** stored element type → number of tensors of that type, e.g. {"F32": 65, "Q4_K": 193, "Q6_K": 33} */
  tensor_types: Record<string, number>;
  /**
   * true when some analysed layer was stored block-quantized (GGUF Q4_K …) or quantized in
   * safetensors (GPTQ_INT4, AWQ_INT4, F8_E4M3_BLOCK, MXFP4_E2M1): its numbers are those of the
   * dequantized float32 weights, i.e. of the quantized model, not of the original weights
   */
  dequantized: boolean;
}

/**
 * The per-layer columns, named as the reference names them (docs/metrics.md §3–5): the type of the
 * description in layer-columns.ts (each column's type, meaning and when it is present are there).
 * The randomization columns are present when the report was made with randomization on (ww_maxdist
 * and rand_W_scale were added to v1 without a version change: a v1 report may lack them); delta_W
 * and delta_b on every layer of a delta analysis (method.base); all optional in v1.
 */
export interface LayerColumns extends Omit<ColumnsOf<typeof LAYER_COLUMNS>, "component"> {}

/** A small picture of one layer's spectrum, enough to plot it on log–log axes. */
export interface CompactEsd {
  /** log10-spaced bin edges (length bins+1) over the positive eigenvalues, and counts per bin */
  log10_edges: number[];
  counts: number[];
  /** eigenvalues at or below 0 (or below the smallest edge), which a log axis cannot show */
  zero_count: number;
  /** the largest eigenvalues, descending (at most 256) */
  tail: number[];
  /** the power-law fit drawn over the tail: ρ(λ) ∝ λ^−alpha for λ ≥ xmin */
  fit: { alpha: Num; xmin: Num; xmax: Num } | null;
  /** the MP bulk edges in the eigenvalues' units */
  mp: { bulk_min: Num; bulk_max: Num } | null;
  /** the randomized matrix's histogram on the same edges, when randomization ran */
  randomized_counts?: number[];
}

/**
 * A multi-component repo's layers (a diffusers pipeline's `unet`, `text_encoder` …) say which
 * component they belong to: the folder that prefixes their name (`unet/…`). Optional, added to v1
 * without a version change: absent for a model of one component.
 */
export interface ComponentTag extends Pick<ColumnsOf<typeof LAYER_COLUMNS>, "component"> {}

export interface AnalysedLayer extends LayerColumns, ComponentTag {
  shape: number[];
  dtype: string;
  esd: CompactEsd;
}

export interface SkippedLayer extends ComponentTag {
  layer_id: number;
  name: string;
  shape: number[];
  dtype: string;
  reason: string;
}

export interface FailedLayer extends ComponentTag {
  layer_id: number;
  name: string;
  shape: number[];
  dtype: string;
  error: string;
}

/** One component's own summary: the same means and counts over its layers only (docs/metrics.md §13). */
export type ComponentSummary = { name: string } & Pick<
  ReportSummary,
  "reference" | "successful_fits" | "layers_analysed" | "layers_skipped" | "layers_failed" | "over_trained" | "under_trained"
>;

/** Mean over layers of the metrics the reference summarises (§6): layer-columns.ts's SUMMARY_METRICS. */
export type SummaryMetrics = { [K in (typeof SUMMARY_METRICS)[number]]: Num };

export interface ReportSummary {
  /** the reference's plain means over analysed layers (failed fits with α = −1 included) */
  reference: SummaryMetrics;
  /** the same means over layers whose power-law fit succeeded */
  successful_fits: SummaryMetrics & { layers: number };
  layers_analysed: number;
  layers_skipped: number;
  layers_failed: number;
  /** count of analysed layers per reference warning */
  over_trained: number;
  under_trained: number;
  /** plain-language caveats, e.g. a zero layer that makes the reference's mean log_norm −∞ */
  notes: string[];
  /**
   * a multi-component repo's per-component summaries, in the order of its layers; the means above
   * are over all of them (the model's row on a leaderboard). Optional, added to v1 without a
   * version change.
   */
  components?: ComponentSummary[];
  /**
   * a delta analysis only (docs/metrics.md §11): the reference's `distances` averages avg_dW and
   * avg_db, the plain means of delta_W and delta_b over the delta layers (null with none).
   * Optional, added to v1 without a version change.
   */
  avg_dW?: Num;
  avg_db?: Num;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  tool: { name: "heavytail"; version: string };
  method: {
    compatible_with: typeof COMPATIBLE_WITH;
    mp_fit: true;
    randomize: boolean;
    /** seed of the randomization generator, null when randomization was off */
    seed: number | null;
    /** which code computed the Gram matrix and the eigenvalues (e.g. "js-f64", "wasm-f64", "gpu.js-f32+f64") */
    engine: string;
    /**
     * present when the report is a delta analysis: the layers are W − W_base against this base
     * model (docs/metrics.md §11); optional, added to v1 without a version change
     */
    base?: DeltaBaseIdentity;
    /**
     * "with_base" when the model is a LoRA adapter analysed with `base` as the reference's
     * peft="with_base" (docs/metrics.md §10): its layers are B·A and W + B·A, with no delta_W or
     * delta_b; optional, added to v1 without a version change
     */
    peft?: "with_base";
  };
  model: ModelIdentity;
  created_at: string;
  summary: ReportSummary;
  layers: AnalysedLayer[];
  skipped: SkippedLayer[];
  failed: FailedLayer[];
}
