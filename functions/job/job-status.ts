import type { JobRecord, JobStatus } from "./job-types.ts";

/** What the job knows of its tasks in flight right now (not stored in the record). */
export interface InFlight {
  queued: number;
  running: number;
  /** bytes the running tasks have streamed so far */
  streaming: number;
}

/** The public status of a job, with an ETA from the bytes analysed so far. */
export function jobStatus(job: JobRecord, now: number, inFlight: InFlight = { queued: 0, running: 0, streaming: 0 }): JobStatus {
  // a task's bytes count in full once it is done, so the running ones' share is capped by what is left
  const streamed = Math.min(job.bytes_total, job.bytes_done + inFlight.streaming);
  return {
    key: job.key,
    id: job.id,
    sha: job.sha,
    revision: job.revision,
    state: job.state,
    layers: { total: job.layers_total, done: job.layers_done, failed: job.layers_failed, skipped: job.skipped.length },
    tasks: { total: job.tasks_total, queued: inFlight.queued, running: inFlight.running, resent: job.tasks_resent },
    bytes_streamed: job.state === "done" ? job.bytes_total : streamed,
    bytes_total: job.bytes_total,
    eta_seconds: etaSeconds(job, streamed, now),
    ...(job.error === undefined ? {} : { error: job.error }),
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
