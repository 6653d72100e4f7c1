import { alphaVerdict, formatMetric, formatParameters } from "../shared/format/index.ts";
import type { Report, SummaryMetrics } from "../shared/report/schema.ts";
import { renderTable } from "./render-table.ts";

/** α with two decimals, as the badge and the site's card print it */
const ALPHA_DIGITS = 2;

/**
 * The report for a terminal: the summary, then one line per analysed layer, then what was left out.
 * Numbers and the α reading come from shared/format, the rules the site and the badge print with
 * (CSV and JSON keep full precision and do not come through here).
 */
export function formatReportTable(report: Report): string {
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
  out.push(
    renderTable(
      ["summary", "α", "α̂ (alpha_weighted)", "log α-norm", "log ‖W‖²_F", "log λmax", "stable rank", "mp softrank"],
      [
        ["mean (reference)", ...means(ref)],
        [`mean over ${ok.layers} fitted`, ...means(ok)],
      ],
      [false, true, true, true, true, true, true, true],
    ),
  );
  for (const note of summary.notes) out.push(`note: ${note}`);
  out.push("");
  const randomized = report.method.randomize;
  const header = ["id", "layer", "type", "N×M (rf)", "α", "D", "α̂", "log α-norm", "log ‖W‖²_F", "log λmax", "stable rank", "spikes", "reading"];
  if (randomized) header.splice(12, 0, "rand dist");
  if (base) header.splice(header.length - 1, 0, "‖ΔW‖", "‖Δb‖");
  const rows = report.layers.map((l) => {
    const row = [
      String(l.layer_id),
      l.name,
      l.layer_type,
      `${l.N}×${l.M}${l.rf > 1 ? ` (${l.rf})` : ""}`,
      formatMetric(l.alpha, ALPHA_DIGITS),
      formatMetric(l.D),
      formatMetric(l.alpha_weighted),
      formatMetric(l.log_alpha_norm),
      formatMetric(l.log_norm),
      formatMetric(l.log_spectral_norm),
      formatMetric(l.stable_rank, 2),
      String(l.num_spikes),
      // the reading people get everywhere; the report's `warning` keeps the reference's label
      alphaVerdict(l.status === "failed" ? null : l.alpha).label,
    ];
    if (randomized) row.splice(12, 0, formatMetric(l.rand_distance));
    if (base) row.splice(row.length - 1, 0, formatMetric(l.delta_W), formatMetric(l.delta_b));
    return row;
  });
  const right = header.map((_, c) => c === 0 || (c >= 4 && c < header.length - 1));
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

/** One summary row's means, in the table's column order. */
function means(m: SummaryMetrics): string[] {
  return [
    formatMetric(m.alpha, ALPHA_DIGITS),
    ...[m.alpha_weighted, m.log_alpha_norm, m.log_norm, m.log_spectral_norm, m.stable_rank, m.mp_softrank].map((v) => formatMetric(v)),
  ];
}
