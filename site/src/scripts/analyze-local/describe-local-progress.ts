import type { AnalysisProgress } from "#shared/analyze";
import { formatBytes } from "../../lib/format-bytes.ts";

/** A status sentence and a 0..1 fraction (by bytes read) for the progress bar. */
export function describeLocalProgress(p: AnalysisProgress): { text: string; fraction: number } {
  const failed = p.layersFailed > 0 ? ` (${p.layersFailed} failed)` : "";
  const current = p.currentLayer ? ` · now ${p.currentLayer}${p.layersRunning !== undefined && p.layersRunning > 1 ? ` and ${p.layersRunning - 1} more` : ""}` : "";
  const fraction = p.bytesTotal > 0 ? Math.min(1, p.bytesRead / p.bytesTotal) : p.layersTotal > 0 ? p.layersDone / p.layersTotal : 0;
  return {
    text: `${p.layersDone} of ${p.layersTotal} layers${failed} · ${formatBytes(p.bytesRead)} of ${formatBytes(p.bytesTotal)} read${current}`,
    fraction,
  };
}
