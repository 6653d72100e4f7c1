import type { Report } from "../shared/report/schema.ts";
import { formatNumber } from "./format-number.ts";
import { renderTable } from "./render-table.ts";

/** The report for a terminal: the summary, then one line per analysed layer, then what was left out. */
export function formatReportTable(report: Report): string {
  const { summary, model } = report;
  const ref = summary.reference;
  const ok = summary.successful_fits;
  const out: string[] = [];
  const revision = model.sha ? ` @ ${model.sha.slice(0, 12)}` : model.revision ? ` @ ${model.revision}` : "";
  out.push(`${model.id}${revision}  (${formatCount(model.parameters)} parameters, ${model.dtypes.join("/")})`);
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
        ["mean (reference)", ...[ref.alpha, ref.alpha_weighted, ref.log_alpha_norm, ref.log_norm, ref.log_spectral_norm, ref.stable_rank, ref.mp_softrank].map((v) => formatNumber(v))],
        [`mean over ${ok.layers} fitted`, ...[ok.alpha, ok.alpha_weighted, ok.log_alpha_norm, ok.log_norm, ok.log_spectral_norm, ok.stable_rank, ok.mp_softrank].map((v) => formatNumber(v))],
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
      formatNumber(l.alpha),
      formatNumber(l.D),
      formatNumber(l.alpha_weighted),
      formatNumber(l.log_alpha_norm),
      formatNumber(l.log_norm),
      formatNumber(l.log_spectral_norm),
      formatNumber(l.stable_rank, 2),
      String(l.num_spikes),
      l.status === "failed" ? "fit failed" : l.warning || "ok",
    ];
    if (randomized) row.splice(12, 0, formatNumber(l.rand_distance));
    if (base) row.splice(row.length - 1, 0, formatNumber(l.delta_W), formatNumber(l.delta_b));
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

function formatCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k`;
  return String(n);
}
