import { SUMMARY_METRICS } from "../report/layer-columns.ts";
import type { LayerColumns, Num, ReportSummary, SummaryMetrics } from "../report/schema.ts";

function mean(values: Num[]): Num {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return (values as number[]).reduce((s, v) => s + v, 0) / values.length;
}

function means(layers: readonly LayerColumns[]): SummaryMetrics {
  return Object.fromEntries(SUMMARY_METRICS.map((m) => [m, mean(layers.map((l) => l[m]))])) as unknown as SummaryMetrics;
}

/**
 * The model summary (docs/metrics.md §6): the plain mean over analysed layers of each summary
 * metric, failed fits (α = −1) included as the reference includes them, and the same means over
 * the layers whose power-law fit succeeded. A metric that is not finite in some layer (log_norm of
 * an all-zero layer is −∞) makes the reference's mean non-finite too: that mean is null, and a note
 * says which layers caused it. Skipped and failed layers are counted by the caller. A delta
 * analysis's layers (those carrying delta_W, §11) also give the reference's `distances` averages
 * avg_dW and avg_db, the plain means of the two columns (`np.mean`, weightwatcher 0.7.5.5
 * 2750–2751); other reports have neither.
 */
export function summarizeLayers(layers: readonly LayerColumns[], counts: { skipped?: number; failed?: number } = {}): ReportSummary {
  const successful = layers.filter((l) => l.status === "success");
  const notes: string[] = [];
  for (const m of SUMMARY_METRICS) {
    const bad = layers.filter((l) => l[m] === null);
    if (bad.length === 0) continue;
    const names = bad.slice(0, 3).map((l) => l.name).join(", ") + (bad.length > 3 ? `, … (${bad.length} layers)` : "");
    const why = m === "log_norm" || m === "log_spectral_norm" ? " (all-zero weights: log10 of 0 is −∞)" : "";
    notes.push(`${m} is not finite for ${names}${why}, so the reference's mean ${m} is not finite; it is reported as null.`);
  }
  const failedFits = layers.length - successful.length;
  if (failedFits > 0) {
    notes.push(`${failedFits} layer(s) have a failed power-law fit (alpha = −1), which the reference's means include; successful_fits leaves them out.`);
  }
  return {
    reference: means(layers),
    successful_fits: { ...means(successful), layers: successful.length },
    layers_analysed: layers.length,
    layers_skipped: counts.skipped ?? 0,
    layers_failed: counts.failed ?? 0,
    over_trained: layers.filter((l) => l.warning === "over-trained").length,
    under_trained: layers.filter((l) => l.warning === "under-trained").length,
    notes,
    ...deltaAverages(layers),
  };
}

/** avg_dW and avg_db over the delta layers, present only when some layer is a delta (delta_b absent counts as the reference's 0). */
function deltaAverages(layers: readonly LayerColumns[]): { avg_dW?: Num; avg_db?: Num } {
  const deltas = layers.filter((l) => l.delta_W !== undefined);
  if (deltas.length === 0) return {};
  return { avg_dW: mean(deltas.map((l) => l.delta_W!)), avg_db: mean(deltas.map((l) => l.delta_b ?? 0)) };
}
