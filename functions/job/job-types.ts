import type { LayerPlan } from "../../shared/plan/types.ts";
import type { SkippedLayer } from "../../shared/report/schema.ts";
import type { TaskWork } from "../queue/task-message.ts";

export type JobState = "queued" | "planning" | "running" | "done" | "failed";

/** What a trigger hands the job: the model revision, resolved, and its weight files. */
export interface JobInput {
  key: string;
  id: string;
  sha: string;
  revision: string;
  family: string | null;
  /** the weight files in the reference's order (shards sorted), with the index first when sharded */
  weightFiles: string[];
  /** sizes of those files */
  files: { name: string; size: number }[];
  /** the trigger asked for the default branch, so the report may become the model's latest */
  defaultBranch: boolean;
}

/** The job's persistent record (Durable Object storage key `job`). */
export interface JobRecord extends JobInput {
  state: JobState;
  error?: string;
  created_at: string;
  updated_at: string;
  seed: number;
  /** planning attempts so far (the Hub may fail transiently) */
  plan_attempts: number;
  layers_total: number;
  layers_done: number;
  layers_failed: number;
  bytes_total: number;
  bytes_done: number;
  /** ms since epoch when the layers were first dispatched, for the ETA */
  running_since: number | null;
  skipped: SkippedLayer[];
  parameters: number;
  dtypes: string[];
}

/** One task (storage key `task:{id}`): a whole layer, a part of a split one, or its combine. */
export interface TaskRecord {
  id: string;
  plan: LayerPlan;
  work: TaskWork;
  /** a combine task waits for its parts */
  state: "waiting" | "queued" | "done" | "failed";
  /** dispatches so far */
  dispatches: number;
  /** ms since epoch of the last dispatch, 0 before the first */
  dispatched_at: number;
}

/** The job's public status (docs/api.md). */
export interface JobStatus {
  key: string;
  id: string;
  sha: string;
  revision: string;
  state: JobState;
  layers: { total: number; done: number; failed: number; skipped: number };
  bytes_streamed: number;
  bytes_total: number;
  eta_seconds: number | null;
  error?: string;
  report_url: string;
  created_at: string;
  updated_at: string;
}
