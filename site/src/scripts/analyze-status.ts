import { describeProgress as describeFacts } from "#shared/format";

/** A job's progress as the service reports it (docs/api.md, `GET /api/jobs/{key}`). */
export interface JobStatus {
  state: string;
  key?: string;
  layers?: { total: number; done: number; failed: number; skipped: number };
  bytes_streamed?: number;
  bytes_total?: number;
  eta_seconds?: number | null;
  stalled?: boolean;
  stalled_seconds?: number;
  error?: string;
  report_url?: string;
  page_url?: string;
}

/** One line saying where a job stands, for people: its state, then the one progress sentence. */
export function describeProgress(status: JobStatus): string {
  const layers = status.layers ?? { total: 0, done: 0, failed: 0, skipped: 0 };
  const finished = status.state === "done" || status.state === "failed";
  const streamed = typeof status.bytes_streamed === "number";
  const progress = describeFacts({
    layersEnded: layers.done + layers.failed,
    layersTotal: layers.total,
    layersFailed: layers.failed,
    layersSkipped: layers.skipped,
    bytesRead: streamed ? status.bytes_streamed! : 0,
    bytesTotal: streamed && typeof status.bytes_total === "number" ? status.bytes_total : null,
    secondsLeft: finished ? null : status.eta_seconds,
  });
  const parts = [status.state, ...(progress ? [progress] : [])];
  if (status.stalled === true && !finished) {
    parts.push(`stalled: no worker has reported for ${Math.round(status.stalled_seconds ?? 0)} s; the service sends the work again`);
  }
  return parts.join(" · ");
}

/** Share of the work done, 0–1, or null while the total is unknown. */
export function progressFraction(status: JobStatus): number | null {
  const layers = status.layers;
  if (!layers || layers.total <= 0) return null;
  return Math.min(1, (layers.done + layers.failed) / layers.total);
}

/** An http(s) URL from the service's answer, resolved against the service; null for anything else. */
export function safeLink(url: unknown, base: string): string | null {
  if (typeof url !== "string" || url === "") return null;
  try {
    const resolved = new URL(url, base);
    return resolved.protocol === "http:" || resolved.protocol === "https:" ? resolved.href : null;
  } catch {
    return null;
  }
}
