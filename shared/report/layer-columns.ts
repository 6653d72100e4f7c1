/**
 * The report's per-layer columns, described once (issue 13, "one report contract"). Everything that
 * lists layer columns derives from this list: the TypeScript type (`LayerColumns` in schema.ts), the
 * validator (validate-report.ts), the JSON Schema (report-json-schema.ts), the CLI's CSV (the
 * reference's names and order) and terminal table, and the site's layer table. A column added here
 * shows in all of them; the functions that derive them take the description as a parameter, with
 * this one as default. Names are the reference's (docs/metrics.md §3–5); the order is the report's
 * (and the site table's), the CSV sorts by the reference's name as weightwatcher writes it.
 *
 * This file imports nothing from schema.ts (which derives its types from it), so shared/ keeps no
 * cycle.
 */

/** The groups of columns that only some reports have, and when they have them. */
export type PresenceGroup = "randomize" | "delta" | "component";

/** What a group's condition reads of a report (a structural slice of `Report`, so this file needs no import of it). */
export interface ReportMethodView {
  method: { randomize: boolean; base?: unknown; peft?: string };
  summary: { components?: unknown };
}

export interface Presence {
  /** when the report has the group's columns, as the validator and the CSV read it */
  inReport: (report: ReportMethodView) => boolean;
  /** the same condition as a JSON Schema `if` over the report (report-json-schema.ts); null: not stated in the schema */
  jsonSchemaIf: Record<string, unknown> | null;
  /** true: every layer of such a report has every column of the group (the validator and the schema check it) */
  everyLayer: boolean;
  /** the reports that have it, in words (the validator's messages, the schema's descriptions) */
  reports: string;
}

export const PRESENCE: Readonly<Record<PresenceGroup, Presence>> = {
  randomize: {
    inReport: (r) => r.method.randomize,
    jsonSchemaIf: null,
    // ww_maxdist and rand_W_scale were added to v1 without a version change: an older report lacks them
    everyLayer: false,
    reports: "a report made with randomization on (method.randomize; ww_maxdist and rand_W_scale only in reports made since they were added to v1)",
  },
  delta: {
    inReport: (r) => r.method.base !== undefined && r.method.peft !== "with_base",
    jsonSchemaIf: {
      type: "object",
      required: ["method"],
      properties: { method: { type: "object", required: ["base"], not: { type: "object", required: ["peft"], properties: { peft: { const: "with_base" } } } } },
    },
    everyLayer: true,
    reports: "a delta analysis (method.base)",
  },
  component: {
    inReport: (r) => r.summary.components !== undefined,
    jsonSchemaIf: null,
    everyLayer: false,
    reports: "a multi-component repo (a diffusers pipeline's unet/, text_encoder/ …)",
  },
};

export interface ColumnSpec {
  /** the layer object's field */
  readonly key: string;
  /** number: finite; null (with nullable) where the computation gave a non-finite value */
  readonly type: "number" | "integer" | "string" | "boolean";
  readonly nullable?: boolean;
  /** the only values a string column takes */
  readonly enum?: readonly string[];
  /** present only on some reports' layers */
  readonly optional?: PresenceGroup;
  /** skipped and failed entries carry it too */
  readonly identity?: boolean;
  /** a short name for people (the CLI table's header) */
  readonly label: string;
  readonly unit?: string;
  /** one line: what it holds (the site header's tooltip, the schema's description) */
  readonly meaning: string;
  /** the reference's CSV name when it differs from key; false: not a column of the reference's CSV */
  readonly csv?: string | false;
  /** shown in the CLI's terminal table, at `order` among the metric columns, with `digits` decimals */
  readonly terminal?: { readonly order: number; readonly digits?: number };
  /** false: not among the site table's generic columns (it places the column itself, or leaves it out) */
  readonly site?: false;
}

const EIGENVALUE = "eigenvalue of WᵀW";
const LOG10 = "log10";

/** Every per-layer column of the report, in the report's order, with what it means. */
export const LAYER_COLUMNS = [
  { key: "layer_id", type: "integer", identity: true, label: "id", meaning: "the reference's layer id (every .weight tensor, in file order)" },
  { key: "name", type: "string", identity: true, label: "layer", meaning: "the tensor's name", site: false },
  { key: "layer_type", type: "string", enum: ["dense", "conv2d"], label: "type", meaning: "dense or conv2d" },
  { key: "N", type: "integer", label: "N", meaning: "larger side of the matrix" },
  { key: "M", type: "integer", label: "M", meaning: "smaller side of the matrix" },
  { key: "Q", type: "number", label: "Q", meaning: "aspect ratio N/M" },
  { key: "rf", type: "integer", label: "rf", meaning: "receptive field (kh·kw for conv2d)" },
  { key: "num_evals", type: "integer", label: "eigenvalues", meaning: "number of eigenvalues" },
  { key: "lambda_max", type: "number", nullable: true, label: "λmax", unit: EIGENVALUE, meaning: "largest eigenvalue" },
  { key: "sv_max", type: "number", nullable: true, label: "σmax", unit: "singular value of W", meaning: "largest singular value" },
  { key: "sv_min", type: "number", nullable: true, label: "σmin", unit: "singular value of W", meaning: "smallest singular value (max over slices)" },
  { key: "rank_loss", type: "integer", label: "rank loss", meaning: "singular values below numerical precision" },
  { key: "weak_rank_loss", type: "integer", label: "weak rank loss", meaning: "eigenvalues below 1e-6" },
  // power-law fit (§4)
  { key: "alpha", type: "number", nullable: true, label: "α", meaning: "power-law exponent of the ESD tail", terminal: { order: 1, digits: 2 } },
  { key: "D", type: "number", nullable: true, label: "D", meaning: "Kolmogorov–Smirnov distance of the fit", terminal: { order: 2 } },
  { key: "sigma", type: "number", nullable: true, label: "σ(α)", meaning: "standard error of α" },
  { key: "xmin", type: "number", nullable: true, label: "xmin", unit: EIGENVALUE, meaning: "start of the fitted tail" },
  { key: "xmax", type: "number", nullable: true, label: "xmax", unit: EIGENVALUE, meaning: "largest eigenvalue of the fit" },
  { key: "num_pl_spikes", type: "integer", label: "tail size", meaning: "eigenvalues at or above xmin" },
  { key: "warning", type: "string", enum: ["", "over-trained", "under-trained"], label: "warning", meaning: "the reference's label" },
  { key: "status", type: "string", enum: ["success", "failed"], label: "fit", meaning: "power-law fit status" },
  // norm metrics (§5)
  { key: "norm", type: "number", nullable: true, label: "‖W‖²_F", unit: EIGENVALUE, meaning: "squared Frobenius norm, Σλ" },
  { key: "log_norm", type: "number", nullable: true, label: "log ‖W‖²_F", unit: LOG10, meaning: "log10 Σλ", terminal: { order: 5 } },
  { key: "spectral_norm", type: "number", nullable: true, label: "spectral norm", unit: EIGENVALUE, meaning: "λmax" },
  { key: "log_spectral_norm", type: "number", nullable: true, label: "log λmax", unit: LOG10, meaning: "log10 λmax", terminal: { order: 6 } },
  { key: "alpha_weighted", type: "number", nullable: true, label: "α̂", meaning: "α̂ = α·log10 λmax", terminal: { order: 3 } },
  { key: "log_alpha_norm", type: "number", nullable: true, label: "log α-norm", unit: LOG10, meaning: "log10 Σλ^α", terminal: { order: 4 } },
  { key: "stable_rank", type: "number", nullable: true, label: "stable rank", meaning: "Σλ / λmax", terminal: { order: 7, digits: 2 } },
  { key: "matrix_rank", type: "integer", label: "rank", meaning: "numerical rank" },
  { key: "entropy", type: "number", nullable: true, label: "entropy", meaning: "spectral entropy over ln(rank)" },
  // MP fit (§5)
  { key: "sigma_mp", type: "number", nullable: true, label: "σ_MP", meaning: "Marchenko–Pastur σ" },
  { key: "num_spikes", type: "integer", label: "spikes", meaning: "eigenvalues past the MP bulk (+ Tracy–Widom)", terminal: { order: 8 } },
  { key: "mp_softrank", type: "number", nullable: true, label: "mp softrank", meaning: "MP bulk edge / λmax" },
  { key: "bulk_max", type: "number", nullable: true, label: "bulk max", unit: EIGENVALUE, meaning: "MP bulk upper edge" },
  { key: "bulk_min", type: "number", nullable: true, label: "bulk min", unit: EIGENVALUE, meaning: "MP bulk lower edge" },
  { key: "W_scale", type: "number", nullable: true, label: "W scale", meaning: "weight scale" },
  // randomization (§5); on layers with M·rf < 100 the MP columns and rand_lambda_max come from 5
  // shuffles pooled, as the reference's do
  { key: "rand_distance", type: "number", nullable: true, optional: "randomize", label: "rand dist", meaning: "Jensen–Shannon distance between the ESD and the randomized ESD", terminal: { order: 9 } },
  { key: "ww_softrank", type: "number", nullable: true, optional: "randomize", label: "ww softrank", meaning: "randomized λmax / λmax" },
  { key: "ww_maxdist", type: "number", nullable: true, optional: "randomize", label: "ww maxdist", unit: EIGENVALUE, meaning: "λmax − randomized λmax" },
  { key: "rand_num_spikes", type: "integer", optional: "randomize", label: "rand spikes", meaning: "spikes of the randomized ESD (> 0: a correlation trap)" },
  { key: "rand_sigma_mp", type: "number", nullable: true, optional: "randomize", label: "rand σ_MP", meaning: "MP σ of the randomized ESD" },
  { key: "rand_mp_softrank", type: "number", nullable: true, optional: "randomize", label: "rand mp softrank", meaning: "MP softrank of the randomized ESD" },
  { key: "rand_W_scale", type: "number", nullable: true, optional: "randomize", label: "rand W scale", meaning: "weight scale of the randomized ESD" },
  { key: "rand_bulk_max", type: "number", nullable: true, optional: "randomize", label: "rand bulk max", unit: EIGENVALUE, meaning: "MP bulk upper edge, randomized" },
  { key: "rand_bulk_min", type: "number", nullable: true, optional: "randomize", label: "rand bulk min", unit: EIGENVALUE, meaning: "MP bulk lower edge, randomized" },
  { key: "rand_lambda_max", type: "number", nullable: true, optional: "randomize", csv: "max_rand_eval", label: "rand λmax", unit: EIGENVALUE, meaning: "largest randomized eigenvalue (the reference's max_rand_eval)" },
  // delta analysis (§11): the reference's `distances(model, base)` columns (method "raw")
  { key: "delta_W", type: "number", nullable: true, optional: "delta", label: "‖ΔW‖", meaning: "‖W − W_base‖ (Frobenius, of the tensor as stored, before any conv2d scaling)", terminal: { order: 10 }, site: false },
  { key: "delta_b", type: "number", nullable: true, optional: "delta", label: "‖Δb‖", meaning: "‖b − b_base‖ when both have the layer's bias and they are as long, else 0", terminal: { order: 11 }, site: false },
  // multi-component repos (§13)
  { key: "component", type: "string", optional: "component", identity: true, csv: false, label: "component", meaning: "the component the layer belongs to: the folder that prefixes its name (unet/…)", site: false },
] as const satisfies readonly ColumnSpec[];

/** The per-layer means a summary holds (docs/metrics.md §6), each the mean of the layer column of that name. */
export const SUMMARY_METRICS = ["log_norm", "alpha", "alpha_weighted", "log_alpha_norm", "log_spectral_norm", "stable_rank", "mp_softrank"] as const satisfies readonly (typeof LAYER_COLUMNS)[number]["key"][];

/** The reference's CSV name of a column, or null when the reference's CSV has no such column. */
export function csvName(column: ColumnSpec): string | null {
  return column.csv === false ? null : (column.csv ?? column.key);
}

/** Whether a report has the column (optional groups by their condition). */
export function columnInReport(column: ColumnSpec, report: ReportMethodView): boolean {
  return column.optional === undefined || PRESENCE[column.optional].inReport(report);
}

/** "a", "a and b", "a, b and c" */
export function listInWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

// The TypeScript type of a layer's columns, read off a description.
type ValueOf<C> = C extends { readonly type: "string"; readonly enum: readonly (infer E)[] }
  ? E
  : C extends { readonly type: "string" }
    ? string
    : C extends { readonly type: "boolean" }
      ? boolean
      : C extends { readonly nullable: true }
        ? number | null
        : number;

/** The layer object a description describes: its required columns, and its optional ones as optional fields. */
export type ColumnsOf<D extends readonly ColumnSpec[]> = {
  -readonly [C in D[number] as C extends { readonly optional: PresenceGroup } ? never : C["key"]]: ValueOf<C>;
} & {
  -readonly [C in D[number] as C extends { readonly optional: PresenceGroup } ? C["key"] : never]?: ValueOf<C>;
};
