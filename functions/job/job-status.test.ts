import { expect, it } from "vitest";
import { jobStatus, STALL_MS } from "./job-status.ts";
import type { JobRecord } from "./job-types.ts";

const job: JobRecord = {
  key: "o/n@s", id: "o/n", sha: "s", revision: "main", family: null, weightFiles: [], files: [], defaultBranch: true, committed_at: null, state: "running",
  created_at: "c", updated_at: "u", seed: 1, plan_attempts: 1, layers_total: 4, layers_done: 1, layers_failed: 1, bytes_total: 400,
  bytes_done: 100, running_since: 0, tasks_total: 5, tasks_resent: 1, skipped_count: 0, parameters: 1, dtypes: [], notes: [],
};

it("reports progress with an ETA from the bytes done so far", () => {
  expect(jobStatus(job, 10_000)).toMatchObject({ state: "running", layers: { total: 4, done: 1, failed: 1, skipped: 0 }, eta_seconds: 30, report_url: "/api/reports/o/n@s" });
  expect(jobStatus({ ...job, bytes_done: 0 }, 10_000).eta_seconds).toBeNull();
  expect(jobStatus({ ...job, state: "done" }, 10_000).eta_seconds).toBe(0);
  expect(jobStatus({ ...job, state: "failed", error: "why" }, 0)).toMatchObject({ error: "why" });
});

it("counts the bytes running tasks have streamed, never past the total", () => {
  const status = jobStatus(job, 10_000, { queued: 2, running: 1, streaming: 100, heardAt: 9_000 });
  expect(status).toMatchObject({ bytes_streamed: 200, eta_seconds: 10, tasks: { total: 5, queued: 2, running: 1, resent: 1 } });
  expect(jobStatus(job, 10_000, { queued: 0, running: 1, streaming: 10_000, heardAt: 9_000 }).bytes_streamed).toBe(400);
});

it("says a job is stalled when no consumer has been heard of for a minute while tasks are in flight, and drops the ETA", () => {
  const heard = { queued: 3, running: 0, streaming: 0, heardAt: 1_000 };
  expect(jobStatus(job, 30_000, heard)).toMatchObject({ stalled: false, stalled_seconds: 0 });
  const stalled = jobStatus(job, 1_000 + STALL_MS + 5_000, heard);
  expect(stalled).toMatchObject({ stalled: true, stalled_seconds: 65, eta_seconds: null });
  // nothing in flight (between sends) or not running is never stalled
  expect(jobStatus(job, 10 * STALL_MS, { ...heard, queued: 0 }).stalled).toBe(false);
  expect(jobStatus({ ...job, state: "done" }, 10 * STALL_MS, heard).stalled).toBe(false);
  // before any consumer spoke, the quiet time counts from the first dispatch
  expect(jobStatus(job, STALL_MS + 1, { ...heard, heardAt: null }).stalled).toBe(true);
});
