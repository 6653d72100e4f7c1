import { COMPATIBLE_WITH, REPORT_SCHEMA } from "./schema.ts";
import { LAYER_COLUMNS, PRESENCE, SUMMARY_METRICS, type ColumnSpec } from "./layer-columns.ts";

/**
 * The whole `heavytail.report/v1` document as data: a small tree of shapes that the validator
 * (validate-report.ts) walks and the JSON Schema (report-json-schema.ts) is written from. The layer
 * entries come from the column description (layer-columns.ts); the rest is declared here once.
 */
export type Shape = (
  | { kind: "string"; nullable?: boolean; enum?: readonly string[]; const?: string; format?: "date-time" }
  /** finite (JSON has no ±∞ or NaN) */
  | { kind: "number"; nullable?: boolean }
  | { kind: "integer"; nullable?: boolean }
  | { kind: "boolean"; const?: boolean }
  | { kind: "null" }
  | { kind: "array"; items: Shape }
  /** an object of any keys, each value of one shape */
  | { kind: "record"; values: Shape }
  | { kind: "object"; fields: readonly Field[] }
  /** the first alternative a value fits; a value that fits none is judged by the last */
  | { kind: "anyOf"; of: readonly Shape[] }
) & { title?: string; description?: string };

export interface Field {
  key: string;
  shape: Shape;
  optional?: boolean;
}

export const string = (description?: string): Shape => ({ kind: "string", description });
export const nullableString = (description?: string): Shape => ({ kind: "string", nullable: true, description });
export const integer = (description?: string): Shape => ({ kind: "integer", description });
export const finite = (description?: string): Shape => ({ kind: "number", description });
export const num = (description?: string): Shape => ({ kind: "number", nullable: true, description });
export const boolean = (description?: string): Shape => ({ kind: "boolean", description });
export const oneOf = (values: readonly string[], description?: string): Shape => ({ kind: "string", enum: values, description });
export const arrayOf = (items: Shape, description?: string): Shape => ({ kind: "array", items, description });
/** `fields`: key → shape; a key ending in "?" is optional */
export const object = (fields: Record<string, Shape>, description?: string): Shape => ({
  kind: "object",
  description,
  fields: Object.entries(fields).map(([key, shape]) => (key.endsWith("?") ? { key: key.slice(0, -1), shape, optional: true } : { key, shape })),
});

/** A column's shape, its label, unit and meaning as title and description. */
export function columnShape(column: ColumnSpec): Shape {
  const base: Shape =
    column.type === "string"
      ? { kind: "string", ...(column.enum ? { enum: column.enum } : {}), ...(column.nullable ? { nullable: true } : {}) }
      : column.type === "boolean"
        ? { kind: "boolean" }
        : { kind: column.type, ...(column.nullable ? { nullable: true } : {}) };
  const unit = column.unit ? ` (unit: ${column.unit})` : "";
  const presence = column.optional ? `; present only in ${PRESENCE[column.optional].reports}` : "";
  return { ...base, title: column.label, description: `${column.meaning}${unit}${presence}` };
}

function columnFields(columns: readonly ColumnSpec[]): Field[] {
  return columns.map((c) => ({ key: c.key, shape: columnShape(c), ...(c.optional ? { optional: true } : {}) }));
}

const files = arrayOf(object({ name: string(), size: integer() }));

const compactEsd = object(
  {
    log10_edges: arrayOf(finite(), "log10-spaced bin edges (length bins+1) over the positive eigenvalues"),
    counts: arrayOf(integer(), "eigenvalues per bin"),
    zero_count: integer("eigenvalues at or below 0 (or below the smallest edge), which a log axis cannot show"),
    tail: arrayOf(finite(), "the largest eigenvalues, descending (at most 256)"),
    fit: { kind: "anyOf", of: [{ kind: "null" }, object({ alpha: num(), xmin: num(), xmax: num() })], description: "the power-law fit drawn over the tail" },
    mp: { kind: "anyOf", of: [{ kind: "null" }, object({ bulk_min: num(), bulk_max: num() })], description: "the MP bulk edges in the eigenvalues' units" },
    "randomized_counts?": arrayOf(integer(), "the randomized matrix's histogram on the same edges, when randomization ran"),
  },
  "a small picture of the layer's spectrum, enough to plot it on log–log axes",
);

const weightFormat = object(
  {
    kind: oneOf(["safetensors", "pytorch", "gguf"]),
    file_type: nullableString("GGUF: general.file_type by llama.cpp's name; quantized safetensors: the scheme (gptq, awq, fp8, mxfp4, bitsandbytes …); else null"),
    tensor_types: { kind: "record", values: integer(), description: "stored element type → number of tensors of that type" },
    dequantized: boolean("true when some analysed layer was stored quantized: its numbers are those of the dequantized float32 weights"),
  },
  "how the weights were stored, when not in plain safetensors (docs/metrics.md §9)",
);

const adapterInfo = object(
  {
    peft_type: nullableString(),
    r: { kind: "integer", nullable: true },
    lora_alpha: num(),
    target_modules: { kind: "anyOf", of: [{ kind: "null" }, string(), arrayOf(string())], description: "the module names adapted, or PEFT's regular expression for them" },
    base_model_name_or_path: nullableString(),
  },
  "what adapter_config.json says of a PEFT adapter; a field the file lacks is null (docs/metrics.md §10)",
);

const lineage = object(
  { base_models: arrayOf(object({ id: string(), relation: nullableString(), source: oneOf(["card", "readme", "adapter", "gguf"]) })) },
  "the models this one says it was made from (docs/metrics.md §12)",
);

const deltaBase = object(
  { id: string(), source: oneOf(["hub", "local"]), revision: nullableString(), sha: nullableString(), files },
  "the base of a delta analysis: every layer's spectrum is of W − W_base (docs/metrics.md §11)",
);

/** The document's shape, its layers described by `columns`. */
export function reportShape(columns: readonly ColumnSpec[] = LAYER_COLUMNS): Shape {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const summaryMetrics: Record<string, Shape> = Object.fromEntries(
    SUMMARY_METRICS.map((key) => [key, num(`mean over the layers of: ${byKey.get(key)?.meaning ?? key}`)]),
  );
  const summaryCore = {
    reference: object(summaryMetrics, "the reference's plain means over analysed layers (failed fits with α = −1 included)"),
    successful_fits: object({ ...summaryMetrics, layers: integer() }, "the same means over layers whose power-law fit succeeded"),
    layers_analysed: integer(),
    layers_skipped: integer(),
    layers_failed: integer(),
    over_trained: integer(),
    under_trained: integer(),
  };
  const identity = columnFields(columns.filter((c) => c.identity));
  const tensor: Field[] = [
    { key: "shape", shape: arrayOf(integer(), "the tensor's shape as stored") },
    { key: "dtype", shape: string("the tensor's element type as stored") },
  ];
  const entry = (fields: Field[], description: string): Shape => ({ kind: "object", fields, description });
  return {
    kind: "object",
    title: REPORT_SCHEMA,
    description: "one analysed model: heavy-tailed self-regularization metrics per layer (docs/metrics.md)",
    fields: [
      { key: "schema", shape: { kind: "string", const: REPORT_SCHEMA } },
      { key: "tool", shape: object({ name: { kind: "string", const: "heavytail" }, version: string() }) },
      {
        key: "method",
        shape: object({
          compatible_with: { kind: "string", const: COMPATIBLE_WITH },
          mp_fit: { kind: "boolean", const: true },
          randomize: boolean(),
          seed: { kind: "integer", nullable: true, description: "seed of the randomization generator, null when randomization was off" },
          engine: string("which code computed the Gram matrix and the eigenvalues"),
          "base?": deltaBase,
          "peft?": { kind: "string", const: "with_base", description: "a LoRA adapter analysed with its base (docs/metrics.md §10)" },
        }),
      },
      {
        key: "model",
        shape: object({
          id: string("org/name for Hub models, the folder or file name for local ones"),
          source: oneOf(["hub", "local"]),
          revision: nullableString("the revision asked for, null for local files"),
          sha: nullableString("the commit sha the revision resolved to, when known"),
          files,
          parameters: integer("total number of elements over all tensors"),
          dtypes: arrayOf(string()),
          family: nullableString("config.json model_type or architecture, when known"),
          "format?": weightFormat,
          "adapter?": adapterInfo,
          "lineage?": lineage,
        }),
      },
      { key: "created_at", shape: { kind: "string", format: "date-time" } },
      {
        key: "summary",
        shape: object({
          ...summaryCore,
          notes: arrayOf(string(), "plain-language caveats"),
          "components?": arrayOf(object({ name: string(), ...summaryCore }), "a multi-component repo's per-component summaries (docs/metrics.md §13)"),
          "avg_dW?": num("a delta analysis only: the mean of delta_W over the layers"),
          "avg_db?": num("a delta analysis only: the mean of delta_b over the layers"),
        }),
      },
      { key: "layers", shape: arrayOf(entry([...columnFields(columns), ...tensor, { key: "esd", shape: compactEsd }], "an analysed layer")) },
      { key: "skipped", shape: arrayOf(entry([...identity, ...tensor, { key: "reason", shape: string() }], "a tensor that is not analysed, and why")) },
      { key: "failed", shape: arrayOf(entry([...identity, ...tensor, { key: "error", shape: string() }], "a layer whose analysis failed")) },
    ],
  };
}
