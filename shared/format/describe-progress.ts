import { formatBytes } from "./format-bytes.ts";

/** Where an analysis stands: what the CLI's status line, the local-analysis page and the service's job status all say. */
export interface ProgressFacts {
  /** layers that have ended, the failed ones included */
  layersEnded: number;
  layersTotal: number;
  layersFailed: number;
  layersSkipped?: number;
  bytesRead: number;
  /** null while not known */
  bytesTotal: number | null;
  /** an estimate of the time left; null or absent: none */
  secondsLeft?: number | null;
  /** the earliest layer under way */
  currentLayer?: string | null;
  /** layers under way at once (absent: one at a time) */
  layersRunning?: number;
}

/**
 * The one progress sentence, each part only when it has something to say:
 * "12 of 48 layers, 1 failed, 2 skipped · 118 MiB of 475 MiB read · about 41 s left · now h.3.mlp.c_fc and 2 more".
 */
export function describeProgress(p: ProgressFacts): string {
  const parts: string[] = [];
  if (p.layersTotal > 0) {
    parts.push(`${p.layersEnded} of ${p.layersTotal} layers${p.layersFailed > 0 ? `, ${p.layersFailed} failed` : ""}${(p.layersSkipped ?? 0) > 0 ? `, ${p.layersSkipped} skipped` : ""}`);
  }
  if (p.bytesRead > 0 || (p.bytesTotal ?? 0) > 0) parts.push(`${formatBytes(p.bytesRead)}${p.bytesTotal === null ? "" : ` of ${formatBytes(p.bytesTotal)}`} read`);
  if (typeof p.secondsLeft === "number" && Number.isFinite(p.secondsLeft)) parts.push(`about ${formatTimeLeft(p.secondsLeft)} left`);
  if (p.currentLayer) parts.push(`now ${p.currentLayer}${(p.layersRunning ?? 1) > 1 ? ` and ${(p.layersRunning ?? 1) - 1} more` : ""}`);
  return parts.join(" · ");
}

/** Seconds below 90, minutes below 90 minutes, hours to a tenth above. */
function formatTimeLeft(seconds: number): string {
  if (seconds < 90) return `${Math.round(Math.max(0, seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
