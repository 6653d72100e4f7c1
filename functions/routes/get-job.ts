import { ApiError } from "../http/api-error.ts";
import { derivedKey, parseAnalysisKey } from "../job/derived-key.ts";
import type { JobStatus } from "../job/job-types.ts";
import { reportKey } from "../kv/report-store.ts";
import { pathAfter, type AppContext } from "./route-types.ts";
import { streamJobEvents } from "./stream-job-events.ts";

/** GET /api/jobs/{id}@{sha} (or a derived key, …/delta/{base}@{sha}): the job's status, or a Server-Sent Events stream of it. */
export async function getJob(c: AppContext): Promise<Response> {
  const { id, sha, base } = parseAnalysisKey(pathAfter(c, "/api/jobs/"));
  if (sha === null) throw new ApiError(400, "invalid_request", "a job is named by its key: /api/jobs/org/name@<sha>");
  const key = base ? derivedKey(id, sha, base) : reportKey(id, sha);
  const job = c.env.JOBS.get(c.env.JOBS.idFromName(key));
  const read = async (): Promise<JobStatus> => {
    const status = await job.status();
    if (status === null) throw new ApiError(404, "job_not_found", `no analysis of ${key} was started here; see /api/reports/${key}`);
    return status;
  };
  const first = await read();
  if ((c.req.header("accept") ?? "").includes("text/event-stream")) return streamJobEvents(c, first, read);
  return c.json(first, 200, { "cache-control": "no-store" });
}
