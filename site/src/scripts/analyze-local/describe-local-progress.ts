import type { AnalysisProgress } from "#shared/analyze";
import { describeProgress } from "#shared/format";

/** The status sentence (the one every front end says) and a 0..1 fraction (by bytes read) for the progress bar. */
export function describeLocalProgress(p: AnalysisProgress): { text: string; fraction: number } {
  const fraction = p.bytesTotal > 0 ? Math.min(1, p.bytesRead / p.bytesTotal) : p.layersTotal > 0 ? p.layersDone / p.layersTotal : 0;
  return { text: describeProgress({ ...p, layersEnded: p.layersDone }), fraction };
}
