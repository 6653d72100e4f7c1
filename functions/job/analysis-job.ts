import { DurableObject } from "cloudflare:workers";
import { assembleReport } from "../../shared/analyze/assemble-report.ts";
import type { AnalysedLayer, FailedLayer } from "../../shared/report/schema.ts";
import { validateReport } from "../../shared/report/validate-report.ts";
import { readConfig, type ServiceConfig } from "../config.ts";
import { workerEngine } from "../engine.ts";
import type { Env } from "../env.ts";
import { toApiError } from "../http/to-api-error.ts";
import { hubFileSource } from "../hub/hub-file-source.ts";
import { getLatestSha, putReport } from "../kv/report-store.ts";
import type { TaskMessage } from "../queue/task-message.ts";
import { isTransientError } from "../queue/is-transient-error.ts";
import { jobStatus } from "./job-status.ts";
import type { JobInput, JobRecord, JobStatus, TaskRecord } from "./job-types.ts";
import { planModel } from "./plan-model.ts";

const JOB = "job";
const TASK = "task:";
const RESULT = "result:";
const FAILURE = "failure:";
// queue.sendBatch takes at most 100 messages and 256 KB
const SEND_BATCH = 50;
const MAX_MESSAGE_BYTES = 120_000;
const MAX_PLAN_ATTEMPTS = 5;
// how often a running job looks for lost tasks, at most
const WATCHDOG_MS = 60_000;

const taskKey = (layerId: number) => TASK + String(layerId).padStart(6, "0");

/**
 * One analysis, keyed by `org/name@sha`: concurrent triggers of the key reach this one object.
 * All progress lives in its storage and every step runs from its alarm, so a job whose Worker died
 * is resumed where it was, not restarted or lost.
 */
export class AnalysisJob extends DurableObject<Env> {
  private finishing: Promise<void> | null = null;

  private get config(): ServiceConfig {
    return readConfig(this.env);
  }

  /** Starts the job, or returns the running one's status; a failed job is started again. */
  async start(input: JobInput): Promise<JobStatus> {
    const existing = await this.ctx.storage.get<JobRecord>(JOB);
    if (existing && existing.state !== "failed") {
      if (input.defaultBranch && !existing.defaultBranch) await this.save({ ...existing, defaultBranch: true });
      return jobStatus(existing, Date.now());
    }
    await this.ctx.storage.deleteAll();
    const now = new Date().toISOString();
    const job: JobRecord = {
      ...input,
      state: "queued",
      created_at: now,
      updated_at: now,
      seed: this.config.seed,
      plan_attempts: 0,
      layers_total: 0,
      layers_done: 0,
      layers_failed: 0,
      bytes_total: 0,
      bytes_done: 0,
      running_since: null,
      skipped: [],
      parameters: 0,
      dtypes: [],
    };
    await this.ctx.storage.put(JOB, job);
    await this.ctx.storage.setAlarm(Date.now());
    return jobStatus(job, Date.now());
  }

  async status(): Promise<JobStatus | null> {
    const job = await this.ctx.storage.get<JobRecord>(JOB);
    return job ? jobStatus(job, Date.now()) : null;
  }

  /** A task's result. Late or repeated results of a finished layer are ignored. */
  async completeTask(layerId: number, layer: AnalysedLayer): Promise<void> {
    const task = await this.ctx.storage.get<TaskRecord>(taskKey(layerId));
    if (!task || task.state !== "queued") return;
    const job = (await this.ctx.storage.get<JobRecord>(JOB))!;
    await this.ctx.storage.put<unknown>({
      [RESULT + layerId]: layer,
      [taskKey(layerId)]: { ...task, state: "done" },
    });
    await this.save({ ...job, layers_done: job.layers_done + 1, bytes_done: job.bytes_done + tensorBytes(task) });
    await this.finishWhenComplete();
  }

  /** A layer that cannot be analysed: recorded with its reason; the job goes on. */
  async failTask(layerId: number, reason: string): Promise<void> {
    const task = await this.ctx.storage.get<TaskRecord>(taskKey(layerId));
    if (!task || task.state !== "queued") return;
    await this.recordFailure(task, reason);
    await this.finishWhenComplete();
  }

  override async alarm(): Promise<void> {
    const job = await this.ctx.storage.get<JobRecord>(JOB);
    if (!job) return;
    if (job.state === "queued" || job.state === "planning") await this.plan(job);
    else if (job.state === "running") await this.watch();
  }

  private async plan(job: JobRecord): Promise<void> {
    const config = this.config;
    await this.save({ ...job, state: "planning", plan_attempts: job.plan_attempts + 1 });
    let planned;
    try {
      planned = await planModel(job.weightFiles, (file) => hubFileSource(config, job.id, job.sha, file), config.maxModelBytes);
    } catch (error) {
      const current = (await this.ctx.storage.get<JobRecord>(JOB))!;
      if (isTransientError(error) && current.plan_attempts < MAX_PLAN_ATTEMPTS) {
        await this.ctx.storage.setAlarm(Date.now() + 2000 * 2 ** current.plan_attempts);
      } else {
        await this.save({ ...current, state: "failed", error: `could not read the model's safetensors headers: ${toApiError(error).message}` });
      }
      return;
    }
    const analysed = planned.plans.filter((p) => p.skip_reason === undefined);
    const tasks: Record<string, TaskRecord> = {};
    for (const plan of analysed) tasks[taskKey(plan.layer_id)] = { plan, state: "queued", dispatches: 0, dispatched_at: 0 };
    await putAll(this.ctx.storage, tasks);
    const current = (await this.ctx.storage.get<JobRecord>(JOB))!;
    await this.save({
      ...current,
      state: "running",
      layers_total: analysed.length,
      bytes_total: analysed.reduce((sum, p) => sum + (p.tensor.end - p.tensor.begin), 0),
      running_since: Date.now(),
      skipped: planned.plans
        .filter((p) => p.skip_reason !== undefined)
        .map((p) => ({ layer_id: p.layer_id, name: p.name, shape: p.tensor.shape, dtype: p.tensor.dtype, reason: p.skip_reason! })),
      parameters: planned.parameters,
      dtypes: planned.dtypes,
    });
    await this.watch();
  }

  /** Dispatches tasks never sent, re-sends tasks that went quiet, fails those out of attempts. */
  private async watch(): Promise<void> {
    const config = this.config;
    const job = (await this.ctx.storage.get<JobRecord>(JOB))!;
    const now = Date.now();
    const tasks = await this.ctx.storage.list<TaskRecord>({ prefix: TASK });
    const send: [string, TaskRecord][] = [];
    for (const [key, task] of tasks) {
      if (task.state !== "queued") continue;
      if (task.dispatched_at !== 0 && now - task.dispatched_at < config.taskTimeoutMs) continue;
      if (task.dispatches >= config.taskMaxAttempts) {
        await this.recordFailure(task, `the layer's task did not finish after ${task.dispatches} attempts`);
      } else {
        send.push([key, task]);
      }
    }
    for (let i = 0; i < send.length; i += SEND_BATCH) {
      const batch = send.slice(i, i + SEND_BATCH);
      const messages: { body: TaskMessage }[] = [];
      for (const [, task] of batch) {
        const body: TaskMessage = { key: job.key, id: job.id, sha: job.sha, plan: task.plan, seed: job.seed, dispatch: task.dispatches + 1 };
        if (JSON.stringify(body).length > MAX_MESSAGE_BYTES) {
          await this.recordFailure(task, "the tensor's description is too large for a queue message");
        } else {
          messages.push({ body });
        }
      }
      if (messages.length > 0) await this.env.TASKS.sendBatch(messages);
      const sent: Record<string, TaskRecord> = {};
      for (const [key, task] of batch) {
        const current = await this.ctx.storage.get<TaskRecord>(key);
        if (current?.state === "queued") sent[key] = { ...task, dispatches: task.dispatches + 1, dispatched_at: Date.now() };
      }
      await putAll(this.ctx.storage, sent);
    }
    if (await this.finishWhenComplete()) return;
    await this.ctx.storage.setAlarm(Date.now() + Math.min(config.taskTimeoutMs, WATCHDOG_MS));
  }

  private async recordFailure(task: TaskRecord, reason: string): Promise<void> {
    const job = (await this.ctx.storage.get<JobRecord>(JOB))!;
    const { plan } = task;
    const failure: FailedLayer = { layer_id: plan.layer_id, name: plan.name, shape: plan.tensor.shape, dtype: plan.tensor.dtype, error: reason };
    await this.ctx.storage.put<unknown>({
      [FAILURE + plan.layer_id]: failure,
      [taskKey(plan.layer_id)]: { ...task, state: "failed" },
    });
    await this.save({ ...job, layers_failed: job.layers_failed + 1, bytes_done: job.bytes_done + tensorBytes(task) });
  }

  /** When every layer is in: the report goes to KV (and the latest pointer), once. */
  private async finishWhenComplete(): Promise<boolean> {
    const job = (await this.ctx.storage.get<JobRecord>(JOB))!;
    if (job.state !== "running" || job.layers_done + job.layers_failed < job.layers_total) return false;
    this.finishing ??= this.finish().finally(() => (this.finishing = null));
    await this.finishing;
    return true;
  }

  private async finish(): Promise<void> {
    const job = (await this.ctx.storage.get<JobRecord>(JOB))!;
    if (job.state !== "running") return;
    const layers = [...(await this.ctx.storage.list<AnalysedLayer>({ prefix: RESULT })).values()];
    const failed = [...(await this.ctx.storage.list<FailedLayer>({ prefix: FAILURE })).values()];
    const report = assembleReport({
      identity: {
        id: job.id,
        source: "hub",
        revision: job.revision,
        sha: job.sha,
        files: job.files,
        parameters: job.parameters,
        dtypes: job.dtypes,
        family: job.family,
      },
      method: { randomize: true, seed: job.seed, engine: workerEngine.name },
      layers,
      skipped: job.skipped,
      failed,
      createdAt: new Date(),
    });
    const validation = validateReport(report);
    if (!validation.ok) {
      await this.save({ ...job, state: "failed", error: `the assembled report is invalid: ${validation.errors.slice(0, 5).join("; ")}` });
      return;
    }
    const latest = job.defaultBranch || (await getLatestSha(this.env.REPORTS, job.id)) === null;
    await putReport(this.env.REPORTS, report, { latest });
    await this.save({ ...job, state: "done" });
    // the report now lives in KV; the job keeps only its record
    await this.ctx.storage.deleteAlarm();
    for (const prefix of [TASK, RESULT, FAILURE]) {
      const keys = [...(await this.ctx.storage.list({ prefix })).keys()];
      for (let i = 0; i < keys.length; i += 128) await this.ctx.storage.delete(keys.slice(i, i + 128));
    }
  }

  private async save(job: JobRecord): Promise<void> {
    await this.ctx.storage.put(JOB, { ...job, updated_at: new Date().toISOString() });
  }
}

function tensorBytes(task: TaskRecord): number {
  return task.plan.tensor.end - task.plan.tensor.begin;
}

// storage.put takes at most 128 keys at once
async function putAll(storage: DurableObjectStorage, entries: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(entries);
  for (let i = 0; i < keys.length; i += 128) {
    await storage.put(Object.fromEntries(keys.slice(i, i + 128).map((k) => [k, entries[k]])));
  }
}
