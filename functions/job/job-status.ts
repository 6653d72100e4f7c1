import type { JobRecord, JobStatus } from "./job-types.ts";

/** What the job knows of its tasks in flight right now (not stored in the record). */
export interface InFlight {
  queued: number;
  running: number;
  /** bytes the running tasks have streamed so far */
  streaming: number;
  /** ms since epoch when a consumer last started, renewed or finished a task; null before any did */
  heardAt: number | null;
}

// a consumer renews its lease every 5 s, so this long without a word is not a slow task
export const STALL_MS = 60_000;

/** The public status of a job, with an ETA from the bytes analysed so far. */
export function jobStatus(job: JobRecord, now: number, inFlight: InFlight = { queued: 0, running: 0, streaming: 0, heardAt: null }): JobStatus {
  // a task's bytes count in full once it is done, so the running ones' share is capped by what is left
  const streamed = Math.min(job.bytes_total, job.bytes_done + inFlight.streaming);
  const quiet = job.state === "running" && inFlight.queued + inFlight.running > 0 ? now - (inFlight.heardAt ?? job.running_since ?? now) : 0;
  const stalled = quiet > STALL_MS;
  return {
    key: job.key,
    id: job.id,
    sha: job.sha,
    revision: job.revision,
    state: job.state,
    layers: { total: job.layers_total, done: job.layers_done, failed: job.layers_failed, skipped: job.skipped_count },
    tasks: { total: job.tasks_total, queued: inFlight.queued, running: inFlight.running, resent: job.tasks_resent },
    bytes_streamed: job.state === "done" ? job.bytes_total : streamed,
    bytes_total: job.bytes_total,
    eta_seconds: stalled ? null : etaSeconds(job, streamed, now),
    stalled,
    stalled_seconds: stalled ? Math.round(quiet / 1000) : 0,
    ...(job.error === undefined ? {} : { error: job.error }),
    ...(job.error_code === undefined ? {} : { error_code: job.error_code }),
    report_url: `/api/reports/${job.key}`,
    created_at: job.created_at,
    updated_at: job.updated_at,
  };
}

// remaining = elapsed · (bytes left / bytes streamed)
function etaSeconds(job: JobRecord, streamed: number, now: number): number | null {
  if (job.state === "done" || job.state === "failed") return 0;
  if (job.running_since === null || streamed === 0) return null;
  const elapsed = (now - job.running_since) / 1000;
  return Math.max(0, Math.round((elapsed * (job.bytes_total - streamed)) / streamed));
}
