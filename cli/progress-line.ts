import type { AnalysisProgress } from "#shared/analyze";

/** One status line: layers done/total (and how many run at once), MB read, and an ETA from the byte rate so far. */
export function progressLine(p: AnalysisProgress, elapsedSeconds: number): string {
  const mb = (b: number) => (b / 1e6).toFixed(1);
  const rate = elapsedSeconds > 0 ? p.bytesRead / elapsedSeconds : 0;
  const remaining = Math.max(0, p.bytesTotal - p.bytesRead);
  const eta = rate > 0 && p.bytesRead > 0 ? formatDuration(remaining / rate) : "—";
  const failed = p.layersFailed > 0 ? `, ${p.layersFailed} failed` : "";
  const current = p.currentLayer ? `  ${p.currentLayer}` : "";
  const running = (p.layersRunning ?? 0) > 1 ? `, ${p.layersRunning} running` : "";
  return `layers ${p.layersDone}/${p.layersTotal}${failed}${running}  ${mb(p.bytesRead)}/${mb(p.bytesTotal)} MB  ETA ${eta}${current}`;
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
