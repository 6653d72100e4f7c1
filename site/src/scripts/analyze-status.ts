import { formatBytes } from "../lib/format-bytes.ts";

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

/** One line saying where a job stands, for people. */
export function describeProgress(status: JobStatus): string {
  const parts = [status.state];
  const layers = status.layers;
  if (layers && layers.total > 0) {
    parts.push(
      `${layers.done + layers.failed} of ${layers.total} layers` +
        (layers.failed ? `, ${layers.failed} failed` : "") +
        (layers.skipped ? `, ${layers.skipped} skipped` : ""),
    );
  }
  const finished = status.state === "done" || status.state === "failed";
  if (typeof status.bytes_streamed === "number" && (status.bytes_streamed > 0 || (status.bytes_total ?? 0) > 0)) {
    parts.push(
      `${formatBytes(status.bytes_streamed)}${typeof status.bytes_total === "number" ? ` of ${formatBytes(status.bytes_total)}` : ""} read`,
    );
  }
  if (typeof status.eta_seconds === "number" && !finished) {
    parts.push(status.eta_seconds < 90 ? `about ${Math.round(status.eta_seconds)} s left` : `about ${Math.round(status.eta_seconds / 60)} min left`);
  }
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
