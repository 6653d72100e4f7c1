import type { JobRecord, JobStatus } from "./job-types.ts";

/** The public status of a job, with an ETA from the bytes analysed so far. */
export function jobStatus(job: JobRecord, now: number): JobStatus {
  return {
    key: job.key,
    id: job.id,
    sha: job.sha,
    revision: job.revision,
    state: job.state,
    layers: { total: job.layers_total, done: job.layers_done, failed: job.layers_failed, skipped: job.skipped.length },
    bytes_streamed: job.bytes_done,
    bytes_total: job.bytes_total,
    eta_seconds: etaSeconds(job, now),
    ...(job.error === undefined ? {} : { error: job.error }),
    report_url: `/api/reports/${job.key}`,
    created_at: job.created_at,
    updated_at: job.updated_at,
  };
}

// remaining = elapsed · (bytes left / bytes done)
function etaSeconds(job: JobRecord, now: number): number | null {
  if (job.state === "done" || job.state === "failed") return 0;
  if (job.running_since === null || job.bytes_done === 0) return null;
  const elapsed = (now - job.running_since) / 1000;
  return Math.max(0, Math.round((elapsed * (job.bytes_total - job.bytes_done)) / job.bytes_done));
}
