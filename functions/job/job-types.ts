import type { LayerPlan } from "#shared/plan";
import type { AdapterInfo, Lineage, WeightFormat } from "#shared/report";
import type { TaskWork } from "../task/task-message.ts";
import type { BaseMode } from "./derived-key.ts";

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
  /** the commit's date as the Hub gives it: `latest` only moves forward by it */
  committed_at: string | null;
  /** a PEFT adapter repo's adapter_config.json, as the report records it (model.adapter) */
  adapter?: AdapterInfo;
  /** the bases the model card and adapter config name (model.lineage); planning adds a GGUF file's */
  lineage?: Lineage;
  /** an analysis against a base (the key is then derivedKey's): its revision, resolved, and its weight files */
  base?: JobBase;
}

/** The base of a delta analysis (`mode: "delta"`, W − W_base) or of an adapter's W + B·A (`"with_base"`). */
export interface JobBase {
  mode: BaseMode;
  id: string;
  sha: string;
  /** the revision the request named (method.base.revision) */
  revision: string;
  /** as JobInput's: the base's weight files in the reference's order, the index first when sharded */
  weightFiles: string[];
  files: { name: string; size: number }[];
}

/** The job's persistent record (Durable Object storage key `job`). */
export interface JobRecord extends JobInput {
  state: JobState;
  error?: string;
  /** the refusal's code when planning refused the weights (`base_incompatible`, `model_too_large`, …) */
  error_code?: string;
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
  tasks_total: number;
  /** tasks presumed lost (a consumer died, a message was dropped) and sent again */
  tasks_resent: number;
  /** tensors not analysed; the list itself is kept in pieces apart (`skipped:{n}`), so the record stays small */
  skipped_count: number;
  parameters: number;
  dtypes: string[];
  /** how the weights were stored, and the report's notes on it (planModel) */
  format?: WeightFormat;
  notes: string[];
}

/**
 * One task (storage key `task:{id}`): a whole layer, a part of a split one, or its combine.
 * `ready` tasks wait for a place in the job's window of tasks in flight; `sent` ones are in the
 * queue; a `running` one is held by a consumer under a lease it renews (FlightRecord).
 */
export interface TaskRecord {
  id: string;
  plan: LayerPlan;
  work: TaskWork;
  /** a combine task waits for its parts */
  state: "waiting" | "ready" | "sent" | "running" | "done" | "failed";
  /** queue messages sent for it so far */
  sends: number;
  /** times a consumer started it */
  attempts: number;
  /** expected seconds of work (expectedTaskSeconds): its lease and start deadline follow it */
  cost_seconds: number;
}

/**
 * A task in flight (storage key `flight:{id}`, present while it is sent or running): when the
 * watchdog sends it again if nothing is heard of it. At most the job's window of these exist.
 */
export interface FlightRecord {
  state: "sent" | "running";
  /** ms since epoch: a sent task not started by then, or a running one not renewed by then, is presumed lost */
  deadline: number;
  /** ms since epoch of the send, or of the start */
  since: number;
  /** the task's expected seconds of work, so the window's queued work is summed from these records alone */
  cost_seconds: number;
}

/** The job's public status (docs/api.md). */
export interface JobStatus {
  key: string;
  id: string;
  sha: string;
  revision: string;
  state: JobState;
  layers: { total: number; done: number; failed: number; skipped: number };
  /** tasks in the queue and tasks being computed right now; `resent` counts tasks presumed lost and sent again */
  tasks: { total: number; queued: number; running: number; resent: number };
  bytes_streamed: number;
  bytes_total: number;
  eta_seconds: number | null;
  /** no consumer has started, renewed or finished a task for `stalled_seconds` while tasks are in flight (the job sends them again at their deadlines) */
  stalled: boolean;
  stalled_seconds: number;
  error?: string;
  /** why planning refused the weights, as an API error code (absent for other failures) */
  error_code?: string;
  report_url: string;
  created_at: string;
  updated_at: string;
}
