import { expect, it } from "vitest";
import { jobStatus } from "./job-status.ts";
import type { JobRecord } from "./job-types.ts";

const job: JobRecord = {
  key: "o/n@s", id: "o/n", sha: "s", revision: "main", family: null, weightFiles: [], files: [], defaultBranch: true, state: "running",
  created_at: "c", updated_at: "u", seed: 1, plan_attempts: 1, layers_total: 4, layers_done: 1, layers_failed: 1, bytes_total: 400,
  bytes_done: 100, running_since: 0, tasks_total: 5, tasks_resent: 1, skipped: [], parameters: 1, dtypes: [], notes: [],
};

it("reports progress with an ETA from the bytes done so far", () => {
  expect(jobStatus(job, 10_000)).toMatchObject({ state: "running", layers: { total: 4, done: 1, failed: 1, skipped: 0 }, eta_seconds: 30, report_url: "/api/reports/o/n@s" });
  expect(jobStatus({ ...job, bytes_done: 0 }, 10_000).eta_seconds).toBeNull();
  expect(jobStatus({ ...job, state: "done" }, 10_000).eta_seconds).toBe(0);
  expect(jobStatus({ ...job, state: "failed", error: "why" }, 0)).toMatchObject({ error: "why" });
});

it("counts the bytes running tasks have streamed, never past the total", () => {
  const status = jobStatus(job, 10_000, { queued: 2, running: 1, streaming: 100 });
  expect(status).toMatchObject({ bytes_streamed: 200, eta_seconds: 10, tasks: { total: 5, queued: 2, running: 1, resent: 1 } });
  expect(jobStatus(job, 10_000, { queued: 0, running: 1, streaming: 10_000 }).bytes_streamed).toBe(400);
});
