import { COMPATIBLE_WITH, REPORT_SCHEMA, type Report } from "./schema.ts";

export type ReportValidation = { ok: true; report: Report } | { ok: false; errors: string[] };

type Check = (value: unknown, path: string, errors: string[]) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const string: Check = (v, p, e) => void (typeof v !== "string" && e.push(`${p}: expected a string`));
const nullableString: Check = (v, p, e) => void (v !== null && typeof v !== "string" && e.push(`${p}: expected a string or null`));
const integer: Check = (v, p, e) => void (!Number.isInteger(v) && e.push(`${p}: expected an integer`));
const finite: Check = (v, p, e) => void ((typeof v !== "number" || !Number.isFinite(v)) && e.push(`${p}: expected a finite number`));
const num: Check = (v, p, e) => void (v !== null && (typeof v !== "number" || !Number.isFinite(v)) && e.push(`${p}: expected a finite number or null`));
const boolean: Check = (v, p, e) => void (typeof v !== "boolean" && e.push(`${p}: expected a boolean`));
const literal = (expected: unknown): Check => (v, p, e) => void (v !== expected && e.push(`${p}: expected ${JSON.stringify(expected)}`));
const oneOf = (...allowed: unknown[]): Check => (v, p, e) =>
  void (!allowed.includes(v) && e.push(`${p}: expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`));
const optional = (check: Check): Check => (v, p, e) => void (v !== undefined && check(v, p, e));
const arrayOf = (check: Check): Check => (v, p, e) => {
  if (!Array.isArray(v)) return void e.push(`${p}: expected an array`);
  v.forEach((item, i) => check(item, `${p}[${i}]`, e));
};
const object = (shape: Record<string, Check>): Check => (v, p, e) => {
  if (!isObject(v)) return void e.push(`${p}: expected an object`);
  for (const [key, check] of Object.entries(shape)) check(v[key], `${p}.${key}`, e);
};

const summaryMetrics = {
  log_norm: num,
  alpha: num,
  alpha_weighted: num,
  log_alpha_norm: num,
  log_spectral_norm: num,
  stable_rank: num,
  mp_softrank: num,
};

const layerColumns: Record<string, Check> = {
  layer_id: integer,
  name: string,
  layer_type: oneOf("dense", "conv2d"),
  N: integer,
  M: integer,
  Q: finite,
  rf: integer,
  num_evals: integer,
  lambda_max: num,
  sv_max: num,
  sv_min: num,
  rank_loss: integer,
  weak_rank_loss: integer,
  alpha: num,
  D: num,
  sigma: num,
  xmin: num,
  xmax: num,
  num_pl_spikes: integer,
  warning: oneOf("", "over-trained", "under-trained"),
  status: oneOf("success", "failed"),
  norm: num,
  log_norm: num,
  spectral_norm: num,
  log_spectral_norm: num,
  alpha_weighted: num,
  log_alpha_norm: num,
  stable_rank: num,
  matrix_rank: integer,
  entropy: num,
  sigma_mp: num,
  num_spikes: integer,
  mp_softrank: num,
  bulk_max: num,
  bulk_min: num,
  W_scale: num,
  rand_distance: optional(num),
  ww_softrank: optional(num),
  ww_maxdist: optional(num),
  rand_num_spikes: optional(integer),
  rand_sigma_mp: optional(num),
  rand_mp_softrank: optional(num),
  rand_W_scale: optional(num),
  rand_bulk_max: optional(num),
  rand_bulk_min: optional(num),
  rand_lambda_max: optional(num),
  delta_W: optional(num),
  delta_b: optional(num),
};

const compactEsd = object({
  log10_edges: arrayOf(finite),
  counts: arrayOf(integer),
  zero_count: integer,
  tail: arrayOf(finite),
  fit: (v, p, e) => void (v !== null && object({ alpha: num, xmin: num, xmax: num })(v, p, e)),
  mp: (v, p, e) => void (v !== null && object({ bulk_min: num, bulk_max: num })(v, p, e)),
  randomized_counts: optional(arrayOf(integer)),
});

const integerRecord: Check = (v, p, e) => {
  if (!isObject(v)) return void e.push(`${p}: expected an object`);
  for (const [key, count] of Object.entries(v)) integer(count, `${p}.${key}`, e);
};

const weightFormat = object({
  kind: oneOf("safetensors", "pytorch", "gguf"),
  file_type: nullableString,
  tensor_types: integerRecord,
  dequantized: boolean,
});

const adapterInfo = object({
  peft_type: nullableString,
  r: (v, p, e) => void (v !== null && integer(v, p, e)),
  lora_alpha: num,
  target_modules: (v, p, e) => void (v !== null && typeof v !== "string" && arrayOf(string)(v, p, e)),
  base_model_name_or_path: nullableString,
});

const lineage = object({
  base_models: arrayOf(object({ id: string, relation: nullableString, source: oneOf("card", "readme", "adapter", "gguf") })),
});

const deltaBase = object({
  id: string,
  source: oneOf("hub", "local"),
  revision: nullableString,
  sha: nullableString,
  files: arrayOf(object({ name: string, size: integer })),
});

const layerIdentity = { layer_id: integer, name: string, shape: arrayOf(integer), dtype: string, component: optional(string) };

/** what a model's summary and each of its components' summaries both hold */
const summaryCore = {
  reference: object(summaryMetrics),
  successful_fits: object({ ...summaryMetrics, layers: integer }),
  layers_analysed: integer,
  layers_skipped: integer,
  layers_failed: integer,
  over_trained: integer,
  under_trained: integer,
};

const componentSummary = object({ name: string, ...summaryCore });

const report = object({
  schema: literal(REPORT_SCHEMA),
  tool: object({ name: literal("heavytail"), version: string }),
  method: object({
    compatible_with: literal(COMPATIBLE_WITH),
    mp_fit: literal(true),
    randomize: boolean,
    seed: (v, p, e) => void (v !== null && integer(v, p, e)),
    engine: string,
    base: optional(deltaBase),
    peft: optional(literal("with_base")),
  }),
  model: object({
    id: string,
    source: oneOf("hub", "local"),
    revision: nullableString,
    sha: nullableString,
    files: arrayOf(object({ name: string, size: integer })),
    parameters: integer,
    dtypes: arrayOf(string),
    family: nullableString,
    format: optional(weightFormat),
    adapter: optional(adapterInfo),
    lineage: optional(lineage),
  }),
  created_at: (v, p, e) => void ((typeof v !== "string" || Number.isNaN(Date.parse(v))) && e.push(`${p}: expected an ISO date`)),
  summary: object({
    ...summaryCore,
    notes: arrayOf(string),
    components: optional(arrayOf(componentSummary)),
    avg_dW: optional(num),
    avg_db: optional(num),
  }),
  layers: arrayOf(object({ ...layerColumns, ...layerIdentity, esd: compactEsd })),
  skipped: arrayOf(object({ ...layerIdentity, reason: string })),
  failed: arrayOf(object({ ...layerIdentity, error: string })),
});

/** Checks a parsed JSON document against the report schema; lists every problem with its path. */
export function validateReport(doc: unknown): ReportValidation {
  const errors: string[] = [];
  report(doc, "report", errors);
  if (errors.length === 0 && isObject(doc)) {
    const r = doc as unknown as Report;
    if (r.summary.layers_analysed !== r.layers.length) errors.push("report.summary.layers_analysed: disagrees with layers.length");
    if (r.summary.layers_skipped !== r.skipped.length) errors.push("report.summary.layers_skipped: disagrees with skipped.length");
    if (r.summary.layers_failed !== r.failed.length) errors.push("report.summary.layers_failed: disagrees with failed.length");
    for (const part of ["layers", "skipped", "failed"] as const) {
      r[part].forEach((l, i) => {
        if (l.component !== undefined && !l.name.startsWith(`${l.component}/`)) errors.push(`report.${part}[${i}].component: the layer's name does not start with "${l.component}/"`);
      });
    }
    if (r.method.base && r.method.peft !== "with_base") {
      r.layers.forEach((l, i) => {
        if (l.delta_W === undefined || l.delta_b === undefined) errors.push(`report.layers[${i}]: a delta analysis (method.base) gives every layer delta_W and delta_b`);
      });
    }
  }
  return errors.length === 0 ? { ok: true, report: doc as Report } : { ok: false, errors };
}
