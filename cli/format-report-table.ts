import { alphaVerdict, formatMetric, formatParameters } from "#shared/format";
import { LAYER_COLUMNS, PRESENCE, SUMMARY_METRICS, type ColumnSpec, type Report, type SummaryMetrics } from "#shared/report";
import { renderTable } from "./render-table.ts";

/** α with two decimals, as the badge and the site's card print it */
const ALPHA_DIGITS = 2;

/** α̂ is the one mean whose label gives no hint of the reference's name for it (get_summary's key), so the summary adds it */
const SUMMARY_GLOSS: Partial<Record<keyof SummaryMetrics, string>> = { alpha_weighted: " (alpha_weighted)" };

/**
 * The report for a terminal: the summary, then one line per analysed layer, then what was left out.
 * Numbers and the α reading come from shared/format, the rules the site and the badge print with
 * (CSV and JSON keep full precision and do not come through here). The layer lines' metric columns
 * are the description's (shared/report/layer-columns.ts) that have a `terminal` place and that the
 * report has.
 */
export function formatReportTable(report: Report, description: readonly ColumnSpec[] = LAYER_COLUMNS): string {
  const { summary, model } = report;
  const ref = summary.reference;
  const ok = summary.successful_fits;
  const out: string[] = [];
  const revision = model.sha ? ` @ ${model.sha.slice(0, 12)}` : model.revision ? ` @ ${model.revision}` : "";
  out.push(`${model.id}${revision}  (${formatParameters(model.parameters)} parameters, ${model.dtypes.join("/")})`);
  if (model.lineage) out.push(`base models: ${model.lineage.base_models.map((b) => `${b.id} (${b.relation ?? "relation not said"}; ${b.source})`).join(", ")}`);
  const base = report.method.base;
  if (base) out.push(`delta analysis: W − W_base against ${base.id}${base.sha ? ` @ ${base.sha.slice(0, 12)}` : ""}`);
  out.push(
    `layers: ${summary.layers_analysed} analysed, ${summary.layers_skipped} skipped, ${summary.layers_failed} failed; ` +
      `${summary.over_trained} over-trained (α < 2), ${summary.under_trained} under-trained (α > 6)`,
  );
  out.push("");
  const means = summaryColumns(description);
  out.push(
    renderTable(
      ["summary", ...means.map((m) => m.label)],
      [
        ["mean (reference)", ...means.map((m) => formatMetric(ref[m.key], m.digits))],
        [`mean over ${ok.layers} fitted`, ...means.map((m) => formatMetric(ok[m.key], m.digits))],
      ],
      [false, ...means.map(() => true)],
    ),
  );
  for (const note of summary.notes) out.push(`note: ${note}`);
  out.push("");
  const metrics = terminalColumns(report, description);
  const label = labelIn(description);
  const header = [label("layer_id"), label("name"), label("layer_type"), `${label("N")}×${label("M")} (${label("rf")})`, ...metrics.map((c) => c.label), "reading"];
  const rows = report.layers.map((l) => [
    String(l.layer_id),
    l.name,
    l.layer_type,
    `${l.N}×${l.M}${l.rf > 1 ? ` (${l.rf})` : ""}`,
    ...metrics.map((c) => terminalCell(c, (l as unknown as Record<string, unknown>)[c.key])),
    // the reading people get everywhere; the report's `warning` keeps the reference's label
    alphaVerdict(l.status === "failed" ? null : l.alpha).label,
  ]);
  const right = header.map((_, c) => c === 0 || (c >= 4 && c < header.length - 1 && metrics[c - 4].type !== "string"));
  out.push(renderTable(header, rows, right));
  if (report.failed.length > 0) {
    out.push("", "failed layers:");
    for (const f of report.failed) out.push(`  ${f.layer_id} ${f.name} [${f.shape.join("×")}]: ${f.error}`);
  }
  if (report.skipped.length > 0) {
    const reasons = new Map<string, number>();
    for (const s of report.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
    out.push("", `skipped ${report.skipped.length} tensors:`);
    for (const [reason, count] of reasons) out.push(`  ${count} × ${reason}`);
  }
  return out.join("\n") + "\n";
}

/**
 * The summary's means (SUMMARY_METRICS) under their layer columns' labels, in the layer lines'
 * terminal order, those without a terminal column last. Only α takes the site's two decimals: the
 * other means keep formatMetric's default even where their layer column prints fewer.
 */
function summaryColumns(description: readonly ColumnSpec[]): { key: keyof SummaryMetrics; label: string; digits?: number }[] {
  const label = labelIn(description);
  const order = (key: keyof SummaryMetrics) => description.find((c) => c.key === key)?.terminal?.order ?? Infinity;
  return [...SUMMARY_METRICS]
    .sort((a, b) => order(a) - order(b))
    .map((key) => ({ key, label: `${label(key)}${SUMMARY_GLOSS[key] ?? ""}`, digits: key === "alpha" ? ALPHA_DIGITS : undefined }));
}

/** A column's label in the description, by key. */
function labelIn(description: readonly ColumnSpec[]): (key: (typeof LAYER_COLUMNS)[number]["key"]) => string {
  return (key) => description.find((c) => c.key === key)?.label ?? key;
}

/** The description's terminal columns this report has, in their terminal order. */
function terminalColumns(report: Report, description: readonly ColumnSpec[]): ColumnSpec[] {
  // the table has kept its ‖ΔW‖ ‖Δb‖ columns (dashes) on an adapter analysed with its base, whose
  // layers have no distances: it shows the delta group whenever the report names a base
  const has = (c: ColumnSpec) => c.optional === undefined || (c.optional === "delta" ? report.method.base !== undefined : PRESENCE[c.optional].inReport(report));
  return description.filter((c) => c.terminal !== undefined && has(c)).sort((a, b) => a.terminal!.order - b.terminal!.order);
}

function terminalCell(column: ColumnSpec, value: unknown): string {
  if (column.type === "number") return formatMetric(value as number | null | undefined, column.terminal?.digits);
  return value === undefined || value === null ? "—" : String(value);
}
