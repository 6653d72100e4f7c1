import { DurableObject } from "cloudflare:workers";
import { assembleReport } from "../../shared/analyze/assemble-report.ts";
import type { LayerPlan } from "../../shared/plan/types.ts";
import type { AnalysedLayer, FailedLayer } from "../../shared/report/schema.ts";
import { validateReport } from "../../shared/report/validate-report.ts";
import { readConfig, type ServiceConfig } from "../config.ts";
import { workerEngine } from "../engine.ts";
import type { Env } from "../env.ts";
import { toApiError } from "../http/to-api-error.ts";
import { hubFileSource } from "../hub/hub-file-source.ts";
import { deleteGramParts } from "../kv/gram-parts.ts";
import { getLatestSha, putReport } from "../kv/report-store.ts";
import { isTransientError } from "../queue/is-transient-error.ts";
import type { TaskMessage } from "../queue/task-message.ts";
import { jobStatus } from "./job-status.ts";
import type { JobInput, JobRecord, JobStatus, TaskRecord } from "./job-types.ts";
import { planModel } from "./plan-model.ts";
import { splitLayer } from "./split-layer.ts";

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

/** Every task of a layer has an id starting with the layer's own (`000012`, `000012:p0003`). */
const layerTaskId = (layerId: number) => String(layerId).padStart(6, "0");

/**
 * One analysis, keyed by `org/name@sha`: concurrent triggers of the key reach this one object.
 * Progress lives in its storage and every step runs from its alarm or a task's report, so a job
 * whose Worker died is resumed where it was (lost tasks are sent again), not restarted or lost.
 */
export class AnalysisJob extends DurableObject<Env> {
  private finishing: Promise<void> | null = null;

  private get config(): ServiceConfig {
    return readConfig(this.env);
  }

  /**
   * Starts the job, or returns the running one's status. Triggers call this only when the key has
   * no report in KV, so a failed job, or a done one whose report is gone, is started again.
   */
  async start(input: JobInput): Promise<JobStatus> {
    const existing = await this.job();
    if (existing && existing.state !== "failed" && existing.state !== "done") {
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
    const job = await this.job();
    return job ? jobStatus(job, Date.now()) : null;
  }

  /** A task's result: the analysed layer, or null for a part of a split layer. Repeats are ignored. */
  async completeTask(taskId: string, layer: AnalysedLayer | null): Promise<void> {
    const task = await this.ctx.storage.get<TaskRecord>(TASK + taskId);
    if (!task || task.state !== "queued") return;
    await this.ctx.storage.put(TASK + taskId, { ...task, state: "done" });
    if (layer === null) {
      await this.releaseCombine(task.plan.layer_id);
      return;
    }
    if (await this.layerFinished(task.plan.layer_id)) return;
    const job = (await this.job())!;
    await this.ctx.storage.put(RESULT + task.plan.layer_id, layer);
    await this.save({ ...job, layers_done: job.layers_done + 1, bytes_done: job.bytes_done + tensorBytes(task.plan) });
    if (task.work.kind === "combine") await deleteGramParts(this.env.REPORTS, job.key, task.work.parts.map((p) => p.task));
    await this.finishWhenComplete();
  }

  /** A task that cannot succeed: its layer is recorded failed with the reason; the job goes on. */
  async failTask(taskId: string, reason: string): Promise<void> {
    const task = await this.ctx.storage.get<TaskRecord>(TASK + taskId);
    if (!task || task.state !== "queued") return;
    await this.failLayer(task.plan, reason);
    await this.finishWhenComplete();
  }

  override async alarm(): Promise<void> {
    const job = await this.job();
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
      const current = (await this.job())!;
      if (isTransientError(error) && current.plan_attempts < MAX_PLAN_ATTEMPTS) {
        await this.ctx.storage.setAlarm(Date.now() + 2000 * 2 ** current.plan_attempts);
      } else {
        const { code, message } = toApiError(error);
        await this.save({ ...current, state: "failed", error: code === "model_too_large" ? message : `could not read the model's safetensors headers: ${message}` });
      }
      return;
    }
    const analysed = planned.plans.filter((p) => p.skip_reason === undefined);
    const tasks: Record<string, TaskRecord> = {};
    const tooLarge: [LayerPlan, string][] = [];
    for (const plan of analysed) {
      const split = splitLayer(plan, { ...config.edge, packed: workerEngine.packedSpectrum !== undefined });
      if (!split.ok) {
        tooLarge.push([plan, split.reason]);
        continue;
      }
      for (const { id, work } of split.tasks) {
        const waits = work.kind === "combine";
        tasks[TASK + id] = { id, plan, work, state: waits ? "waiting" : "queued", dispatches: 0, dispatched_at: 0 };
      }
    }
    await putAll(this.ctx.storage, tasks);
    const current = (await this.job())!;
    await this.save({
      ...current,
      state: "running",
      layers_total: analysed.length,
      bytes_total: analysed.reduce((sum, p) => sum + tensorBytes(p), 0),
      running_since: Date.now(),
      skipped: planned.plans
        .filter((p) => p.skip_reason !== undefined)
        .map((p) => ({ layer_id: p.layer_id, name: p.name, shape: p.tensor.shape, dtype: p.tensor.dtype, reason: p.skip_reason! })),
      parameters: planned.parameters,
      dtypes: planned.dtypes,
    });
    for (const [plan, reason] of tooLarge) await this.failLayer(plan, reason);
    await this.watch();
  }

  /** Dispatches tasks never sent, re-sends tasks that went quiet, fails layers out of attempts. */
  private async watch(): Promise<void> {
    const config = this.config;
    const now = Date.now();
    const due: TaskRecord[] = [];
    for (const task of (await this.ctx.storage.list<TaskRecord>({ prefix: TASK })).values()) {
      if (task.state !== "queued") continue;
      if (task.dispatched_at !== 0 && now - task.dispatched_at < config.taskTimeoutMs) continue;
      if (task.dispatches >= config.taskMaxAttempts) await this.failLayer(task.plan, `the layer's task did not finish after ${task.dispatches} attempts`);
      else due.push(task);
    }
    await this.dispatch(due);
    if (await this.finishWhenComplete()) return;
    await this.ctx.storage.setAlarm(Date.now() + Math.min(config.taskTimeoutMs, WATCHDOG_MS));
  }

  private async dispatch(tasks: TaskRecord[]): Promise<void> {
    const job = (await this.job())!;
    for (let i = 0; i < tasks.length; i += SEND_BATCH) {
      const messages: { body: TaskMessage }[] = [];
      const sent: Record<string, TaskRecord> = {};
      for (const task of tasks.slice(i, i + SEND_BATCH)) {
        const body: TaskMessage = { key: job.key, id: job.id, sha: job.sha, task: task.id, plan: task.plan, work: task.work, seed: job.seed };
        if (JSON.stringify(body).length > MAX_MESSAGE_BYTES) {
          await this.failLayer(task.plan, "the layer's description is too large for a queue message");
          continue;
        }
        messages.push({ body });
        sent[TASK + task.id] = { ...task, dispatches: task.dispatches + 1, dispatched_at: Date.now() };
      }
      // recorded before sending: a result may come back before sendBatch returns
      await putAll(this.ctx.storage, sent);
      if (messages.length > 0) await this.env.TASKS.sendBatch(messages);
    }
  }

  /** When every part of a split layer is in, its combine task is sent. */
  private async releaseCombine(layerId: number): Promise<void> {
    const combine = await this.ctx.storage.get<TaskRecord>(TASK + layerTaskId(layerId));
    if (!combine || combine.state !== "waiting" || combine.work.kind !== "combine") return;
    const parts = await this.ctx.storage.get<TaskRecord>(combine.work.parts.map((p) => TASK + p.task));
    if ([...parts.values()].some((p) => p.state !== "done") || parts.size !== combine.work.parts.length) return;
    const released: TaskRecord = { ...combine, state: "queued" };
    await this.ctx.storage.put(TASK + combine.id, released);
    await this.dispatch([released]);
  }

  private async layerFinished(layerId: number): Promise<boolean> {
    const stored = await this.ctx.storage.get([RESULT + layerId, FAILURE + layerId]);
    return stored.size > 0;
  }

  private async failLayer(plan: LayerPlan, reason: string): Promise<void> {
    const own = layerTaskId(plan.layer_id);
    const tasks = await this.ctx.storage.list<TaskRecord>({ prefix: TASK + own });
    const stopped: Record<string, TaskRecord> = {};
    for (const [key, task] of tasks) {
      if ((task.id === own || task.id.startsWith(`${own}:`)) && task.state !== "done") stopped[key] = { ...task, state: "failed" };
    }
    await putAll(this.ctx.storage, stopped);
    if (await this.layerFinished(plan.layer_id)) return;
    const failure: FailedLayer = { layer_id: plan.layer_id, name: plan.name, shape: plan.tensor.shape, dtype: plan.tensor.dtype, error: reason };
    await this.ctx.storage.put(FAILURE + plan.layer_id, failure);
    const job = (await this.job())!;
    await this.save({ ...job, layers_failed: job.layers_failed + 1, bytes_done: job.bytes_done + tensorBytes(plan) });
  }

  /** When every layer is in: the report goes to KV (and the latest pointer), once. */
  private async finishWhenComplete(): Promise<boolean> {
    const job = (await this.job())!;
    if (job.state !== "running" || job.layers_done + job.layers_failed < job.layers_total) return false;
    this.finishing ??= this.finish().finally(() => (this.finishing = null));
    await this.finishing;
    return true;
  }

  private async finish(): Promise<void> {
    const job = (await this.job())!;
    if (job.state !== "running") return;
    const layers = [...(await this.ctx.storage.list<AnalysedLayer>({ prefix: RESULT })).values()];
    const failed = [...(await this.ctx.storage.list<FailedLayer>({ prefix: FAILURE })).values()];
    const report = assembleReport({
      identity: { id: job.id, source: "hub", revision: job.revision, sha: job.sha, files: job.files, parameters: job.parameters, dtypes: job.dtypes, family: job.family },
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

  private job(): Promise<JobRecord | undefined> {
    return this.ctx.storage.get<JobRecord>(JOB);
  }

  private async save(job: JobRecord): Promise<void> {
    await this.ctx.storage.put(JOB, { ...job, updated_at: new Date().toISOString() });
  }
}

function tensorBytes(plan: LayerPlan): number {
  return plan.tensor.end - plan.tensor.begin;
}

// storage.put takes at most 128 keys at once
async function putAll(storage: DurableObjectStorage, entries: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(entries);
  for (let i = 0; i < keys.length; i += 128) {
    await storage.put(Object.fromEntries(keys.slice(i, i + 128).map((k) => [k, entries[k]])));
  }
}
