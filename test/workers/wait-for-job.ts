import type { JobStatus } from "../../functions/job/job-types.ts";
import { workerFetch } from "./worker-fetch.ts";

/** Polls the Worker under test for a job's status until it is done or failed. */
export async function waitForJob(key: string, timeoutMs = 100_000): Promise<JobStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = (await (await workerFetch(`/api/jobs/${key}`)).json()) as JobStatus;
    if (status.state === "done" || status.state === "failed") return status;
    if (Date.now() > deadline) throw new Error(`job ${key} still ${status.state} after ${timeoutMs} ms: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
