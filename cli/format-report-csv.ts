import type { AnalysedLayer, Report } from "../shared/report/schema.ts";

// The reference's details columns in the order weightwatcher writes them (layer_id, name, then every
// other column sorted by name, as reference.details.csv shows), so the two files diff. With
// randomization on its extra columns fall into that order too.
const REFERENCE_COLUMNS = [
  "layer_id", "name", "D", "M", "N", "Q", "W_scale", "alpha", "alpha_weighted", "bulk_max", "bulk_min",
  "delta_W", "delta_b", "entropy", "has_esd", "lambda_max", "layer_type", "log_alpha_norm", "log_norm", "log_spectral_norm",
  "longname", "matrix_rank", "max_rand_eval", "mp_softrank", "norm", "num_evals", "num_pl_spikes", "num_spikes",
  "peft", "rand_W_scale", "rand_bulk_max", "rand_bulk_min", "rand_distance", "rand_mp_softrank", "rand_num_spikes",
  "rand_sigma_mp", "rank_loss", "rf", "sigma", "sigma_mp", "spectral_norm", "stable_rank", "status", "sv_max",
  "sv_min", "warning", "weak_rank_loss", "ww_maxdist", "ww_softrank", "xmax", "xmin",
] as const;
const RANDOMIZATION_COLUMNS: ReadonlySet<string> = new Set([
  "max_rand_eval", "rand_W_scale", "rand_bulk_max", "rand_bulk_min", "rand_distance", "rand_mp_softrank",
  "rand_num_spikes", "rand_sigma_mp", "ww_maxdist", "ww_softrank",
]);
// a delta analysis (method.base) adds the reference's distances() columns (docs/metrics.md §11);
// an adapter analysed with its base has a base but no distances
const DELTA_COLUMNS: ReadonlySet<string> = new Set(["delta_W", "delta_b"]);
// an adapter's report has the reference's peft column: True on its lora_BA and lora_W_plus_AB rows
const PEFT_COLUMN = "peft";
/** the reference's column name → the report's field, where the report keeps its own name */
const REPORT_FIELD: Readonly<Record<string, string>> = { max_rand_eval: "rand_lambda_max" };

const LORA_LAYER = /\.lora_(BA|W_plus_AB)$/;

/** The per-layer table as CSV with the reference's column names (null → empty cell). */
export function formatReportCsv(report: Report): string {
  const isDelta = report.method.base !== undefined && report.method.peft !== "with_base";
  const columns = REFERENCE_COLUMNS.filter(
    (c) => (report.method.randomize || !RANDOMIZATION_COLUMNS.has(c)) && (isDelta || !DELTA_COLUMNS.has(c)) && (report.model.adapter !== undefined || c !== PEFT_COLUMN),
  );
  const cell = (layer: AnalysedLayer, column: string): string => {
    if (column === "has_esd") return "True";
    if (column === PEFT_COLUMN) return LORA_LAYER.test(layer.name) ? "True" : "False";
    if (column === "longname") return csvText(layer.name);
    const value = (layer as unknown as Record<string, unknown>)[REPORT_FIELD[column] ?? column];
    if (value === null || value === undefined) return "";
    return typeof value === "number" ? String(value) : csvText(String(value));
  };
  return [columns.join(","), ...report.layers.map((layer) => columns.map((c) => cell(layer, c)).join(","))].join("\n") + "\n";
}

function csvText(text: string): string {
  // a leading = + - @ would be run as a formula by spreadsheets
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
