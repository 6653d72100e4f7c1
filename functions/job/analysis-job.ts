import { DurableObject } from "cloudflare:workers";
import { assembleReport } from "#shared/analyze";
import { backoffDelay } from "#shared/hub";
import type { LayerPlan } from "#shared/plan";
import { type AnalysedLayer, type FailedLayer, type SkippedLayer, validateReport } from "#shared/report";
import { readConfig, type ServiceConfig } from "../config.ts";
import { workerEngine } from "../engine.ts";
import type { Env } from "../env.ts";
import { toApiError } from "../http/to-api-error.ts";
import { hubFileSource } from "../hub/hub-file-source.ts";
import { deleteGramParts } from "../task/gram-parts.ts";
import { getLatestSha } from "../kv/report-store.ts";
import { publishReport } from "../leaderboard/publish-report.ts";
import { isTransientError } from "../task/is-transient-error.ts";
import type { TaskMessage } from "../task/task-message.ts";
import { jobStatus } from "./job-status.ts";
import { expectedTaskSeconds } from "../task/expected-task-seconds.ts";
import type { FlightRecord, JobInput, JobRecord, JobStatus, TaskRecord } from "./job-types.ts";
import { planModel, type ModelPlan } from "./plan-model.ts";
import { mergeLineage } from "#shared/lineage";
import { layerTaskId, splitLayer } from "../task/split-layer.ts";
import { baseNote } from "./base-note.ts";
import { BASE_PLAN_CODES } from "./plan-against-base.ts";
import { putDerivedReport } from "./derived-report-store.ts";

const JOB = "job";
const TASK = "task:";
// present while a task may be sent (READY) or is in flight (FLIGHT): the window and the watchdog list these, not every task
const READY = "ready:";
const FLIGHT = "flight:";
const RESULT = "result:";
const FAILURE = "failure:";
const SKIPPED = "skipped:";
// when a consumer last started, renewed or finished a task (ms since epoch)
const HEARD = "heard";
// the skipped list in pieces this long: a record holds at most 2 MB
const SKIPPED_PIECE = 500;
// a report this large would be served to every reader of its card; the layer limit keeps real ones far below
const MAX_REPORT_BYTES = 64 << 20;
// queue.sendBatch takes at most 100 messages and 256 KB
const SEND_BATCH = 50;
const MAX_MESSAGE_BYTES = 120_000;
const MAX_PLAN_ATTEMPTS = 5;
// planning again after a transient Hub error: 4 s, 8 s, 16 s, 32 s
const PLAN_RETRY_BASE_MS = 2000;
const PLAN_RETRY_MAX_MS = 60_000;
// a running job looks at its tasks in flight at least this often, and at each deadline
const WATCHDOG_MS = 60_000;
// an alarm this far past its time is taken as lost and set again
const OVERDUE_ALARM_MS = 5_000;
// sends of one task (a lost message, a dead consumer) before its layer is given up
const MAX_SENDS_PER_ATTEMPT = 3;

/** Every task of a layer has an id starting with the layer's own (`000012`, `000012:p0003`). */

/**
 * One analysis, keyed by `org/name@sha`: concurrent triggers of the key reach this one object.
 * Progress lives in its storage and every step runs from its alarm or a task's report, so a job
 * whose Worker died is resumed where it was, not restarted or lost. It keeps a window of tasks in
 * flight (TASK_CONCURRENCY): a consumer asks before it starts a task and renews its lease while it
 * streams, so a task whose consumer died, or whose message was lost, is sent again once its
 * deadline passes — seconds after, in proportion to the task's expected cost.
 */
export class AnalysisJob extends DurableObject<Env> {
  private finishing: Promise<void> | null = null;
  /** bytes streamed so far by each running task, as its consumer reports them: progress only, so kept in memory */
  private streaming = new Map<string, number>();

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
      return this.statusOf(existing);
    }
    await this.ctx.storage.deleteAll();
    this.streaming.clear();
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
      tasks_total: 0,
      tasks_resent: 0,
      skipped_count: 0,
      parameters: 0,
      dtypes: [],
      notes: [],
    };
    await this.ctx.storage.put(JOB, job);
    await this.ctx.storage.setAlarm(Date.now());
    return this.statusOf(job);
  }

  async status(): Promise<JobStatus | null> {
    const job = await this.job();
    if (!job) return null;
    if (job.state !== "done" && job.state !== "failed") await this.reviveOverdueAlarm();
    return this.statusOf(job);
  }

  /**
   * A consumer is about to do a task: whether it should. No when the task is finished, or held by
   * another consumer whose lease is still good (a duplicate message); yes otherwise, and the
   * caller then holds the task's lease.
   */
  async startTask(taskId: string): Promise<{ run: boolean }> {
    const task = await this.ctx.storage.get<TaskRecord>(TASK + taskId);
    if (!task || task.state === "done" || task.state === "failed" || task.state === "waiting") return { run: false };
    // a job that failed meanwhile keeps its records until restarted; its messages still in the queue are let go
    if ((await this.job())?.state !== "running") return { run: false };
    const now = Date.now();
    const flight = await this.ctx.storage.get<FlightRecord>(FLIGHT + taskId);
    if (task.state === "running" && flight && flight.deadline > now) return { run: false };
    const config = this.config;
    if (task.attempts >= config.taskMaxAttempts) {
      await this.failLayer(task.plan, `the layer's task was started ${task.attempts} times and never finished (did its Worker run out of memory or CPU time?)`);
      await this.afterTaskEnded();
      return { run: false };
    }
    const deadline = now + this.leaseMs(task);
    await this.ctx.storage.put<unknown>({
      [TASK + taskId]: { ...task, state: "running", attempts: task.attempts + 1 } satisfies TaskRecord,
      [FLIGHT + taskId]: { state: "running", deadline, since: now, cost_seconds: task.cost_seconds } satisfies FlightRecord,
      [HEARD]: now,
    });
    await this.ctx.storage.delete(READY + taskId);
    await this.watchBy(deadline);
    return { run: true };
  }

  /**
   * The consumer of a running task is alive and has streamed `bytes`: its lease is renewed. Says
   * whether to go on (no once the task is finished, e.g. by a duplicate that got there first).
   */
  async renewTask(taskId: string, bytes: number): Promise<{ run: boolean }> {
    const task = await this.ctx.storage.get<TaskRecord>(TASK + taskId);
    if (!task || task.state === "done" || task.state === "failed" || task.state === "waiting") return { run: false };
    const now = Date.now();
    const flight = await this.ctx.storage.get<FlightRecord>(FLIGHT + taskId);
    this.streaming.set(taskId, bytes);
    const renewed: FlightRecord = { state: "running", deadline: now + this.leaseMs(task), since: flight?.since ?? now, cost_seconds: task.cost_seconds };
    // a consumer presumed dead is alive after all: it holds the task again, and the duplicate sent meanwhile will be refused
    if (task.state !== "running") await this.ctx.storage.put(TASK + taskId, { ...task, state: "running" } satisfies TaskRecord);
    await this.ctx.storage.put<unknown>({ [FLIGHT + taskId]: renewed, [HEARD]: now });
    return { run: true };
  }

  /** The consumer of a task gives it back: its message comes again after `delaySeconds` (a transient Hub error). */
  async releaseTask(taskId: string, delaySeconds: number): Promise<void> {
    const task = await this.ctx.storage.get<TaskRecord>(TASK + taskId);
    if (!task || task.state !== "running") return;
    this.streaming.delete(taskId);
    const deadline = Date.now() + delaySeconds * 1000 + this.config.taskStartMs + 2000 * task.cost_seconds;
    await this.ctx.storage.put<unknown>({
      [TASK + taskId]: { ...task, state: "sent" } satisfies TaskRecord,
      [FLIGHT + taskId]: { state: "sent", deadline, since: Date.now(), cost_seconds: task.cost_seconds } satisfies FlightRecord,
    });
  }

  /** A task's result: the analysed layer, or null for a part of a split layer. Repeats are ignored. */
  async completeTask(taskId: string, layer: AnalysedLayer | null): Promise<void> {
    const task = await this.ctx.storage.get<TaskRecord>(TASK + taskId);
    if (!task || task.state === "done" || task.state === "failed" || task.state === "waiting") return;
    await this.ctx.storage.put(HEARD, Date.now());
    await this.endTask(task, "done");
    if (layer === null) {
      await this.releaseCombine(task.plan.layer_id);
    } else if (!(await this.layerFinished(task.plan.layer_id))) {
      const job = (await this.job())!;
      await this.ctx.storage.put(RESULT + task.plan.layer_id, layer);
      await this.save({ ...job, layers_done: job.layers_done + 1, bytes_done: job.bytes_done + tensorBytes(task.plan) });
      if (task.work.kind === "combine") await deleteGramParts(this.env.REPORTS, job.key, task.work.parts.map((p) => p.task));
    }
    await this.afterTaskEnded();
  }

  /** A task that cannot succeed for the model's own reasons (bad bytes, non-finite weights): its layer is recorded failed with the reason; the job goes on. */
  async failTask(taskId: string, reason: string): Promise<void> {
    const task = await this.ctx.storage.get<TaskRecord>(TASK + taskId);
    if (!task || task.state === "done" || task.state === "failed" || task.state === "waiting") return;
    await this.failLayer(task.plan, reason);
    await this.afterTaskEnded();
  }

  /**
   * The job cannot be finished for reasons outside the model (the Hub kept failing after the
   * retries, a file changed under a pinned commit, tasks lost again and again): it fails with the
   * reason and publishes nothing, so a partial report never stands for the model. A trigger starts
   * it again.
   */
  async failJob(reason: string): Promise<void> {
    const job = await this.job();
    if (!job || job.state === "done" || job.state === "failed") return;
    await this.fail(job, reason);
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
      const base = job.base && { mode: job.base.mode, files: job.base.weightFiles, open: (file: string) => hubFileSource(config, job.base!.id, job.base!.sha, file) };
      planned = await planModel(job.weightFiles, (file) => hubFileSource(config, job.id, job.sha, file), { maxModelBytes: config.maxModelBytes, ...config.limits }, base);
    } catch (error) {
      const current = (await this.job())!;
      if (isTransientError(error) && current.plan_attempts < MAX_PLAN_ATTEMPTS) {
        await this.ctx.storage.setAlarm(Date.now() + backoffDelay(current.plan_attempts + 1, PLAN_RETRY_BASE_MS, PLAN_RETRY_MAX_MS));
      } else {
        const { status, code, message } = toApiError(error);
        const refused = status === 413 || BASE_PLAN_CODES.has(code);
        await this.fail(current, refused ? message : `could not read the model's weight files: ${message}`, refused ? code : undefined);
      }
      return;
    }
    try {
      await this.dispatch(planned);
    } catch (error) {
      // whatever went wrong (storage refusing a value, a bug), the job ends saying so instead of planning forever
      await this.fail((await this.job())!, `could not plan the analysis: ${describe(error)}`);
    }
  }

  /** Records the planned tasks and skipped tensors, and sends the first tasks. */
  private async dispatch(planned: ModelPlan): Promise<void> {
    const config = this.config;
    const analysed = planned.plans.filter((p) => p.skip_reason === undefined);
    const entries: Record<string, unknown> = {};
    const tooLarge: [LayerPlan, string][] = [];
    let tasks = 0;
    for (const plan of analysed) {
      const split = splitLayer(plan, { ...config.edge, packed: workerEngine.packed !== undefined });
      if (!split.ok) {
        tooLarge.push([plan, split.reason]);
        continue;
      }
      for (const { id, work } of split.tasks) {
        const waits = work.kind === "combine";
        const task: TaskRecord = { id, plan, work, state: waits ? "waiting" : "ready", sends: 0, attempts: 0, cost_seconds: expectedTaskSeconds(plan, work) };
        entries[TASK + id] = task;
        if (!waits) entries[READY + id] = 1;
        tasks++;
      }
    }
    const skipped: SkippedLayer[] = planned.plans
      .filter((p) => p.skip_reason !== undefined)
      .map((p) => ({ layer_id: p.layer_id, name: p.name, shape: p.tensor.shape, dtype: p.tensor.dtype, reason: p.skip_reason! }));
    for (let i = 0; i < skipped.length; i += SKIPPED_PIECE) entries[SKIPPED + String(i / SKIPPED_PIECE).padStart(6, "0")] = skipped.slice(i, i + SKIPPED_PIECE);
    await putAll(this.ctx.storage, entries);
    const current = (await this.job())!;
    const lineage = mergeLineage(current.lineage?.base_models ?? [], planned.baseModels);
    await this.save({
      ...current,
      ...(lineage ? { lineage } : {}),
      state: "running",
      layers_total: analysed.length,
      bytes_total: analysed.reduce((sum, p) => sum + tensorBytes(p), 0),
      running_since: Date.now(),
      tasks_total: tasks,
      skipped_count: skipped.length,
      parameters: planned.parameters,
      dtypes: planned.dtypes,
      family: current.family ?? planned.family,
      ...(planned.format ? { format: planned.format } : {}),
      notes: planned.notes,
    });
    for (const [plan, reason] of tooLarge) await this.failLayer(plan, reason);
    await this.watch();
  }

  /** Sends again the tasks in flight whose deadline passed, fills the window, and sets the next alarm. */
  private async watch(): Promise<void> {
    const now = Date.now();
    const job = (await this.job())!;
    const budget = this.config.limits.jobBudgetMs;
    if (job.running_since !== null && now - job.running_since > budget) {
      await this.fail(job, `the analysis ran longer than this service allows one job (${Math.round(budget / 1000)} s); nothing was published`);
      return;
    }
    const lost: TaskRecord[] = [];
    for (const [key, flight] of await this.ctx.storage.list<FlightRecord>({ prefix: FLIGHT })) {
      if (flight.deadline > now) continue;
      const task = await this.ctx.storage.get<TaskRecord>(TASK + key.slice(FLIGHT.length));
      if (!task || task.state === "done" || task.state === "failed") {
        await this.ctx.storage.delete(key);
        continue;
      }
      this.streaming.delete(task.id);
      if (task.sends >= this.config.taskMaxAttempts * MAX_SENDS_PER_ATTEMPT) {
        await this.fail(job, `the task of layer ${task.plan.name} was sent ${task.sends} times and never finished (messages lost, or every consumer died); nothing was published`);
        return;
      } else {
        lost.push(task);
      }
    }
    if (lost.length > 0) {
      await this.save({ ...(await this.job())!, tasks_resent: job.tasks_resent + lost.length });
      await this.send(lost);
    }
    await this.fill();
    if (await this.finishWhenComplete()) return;
    const flights = [...(await this.ctx.storage.list<FlightRecord>({ prefix: FLIGHT })).values()];
    await this.ctx.storage.setAlarm(Math.min(Date.now() + WATCHDOG_MS, ...flights.map((f) => f.deadline)));
  }

  /** Brings the alarm forward to `at` when it would ring later; an overdue one is set again (reviveOverdueAlarm). */
  private async watchBy(at: number): Promise<void> {
    if (await this.reviveOverdueAlarm()) return;
    const alarm = await this.ctx.storage.getAlarm();
    if (alarm === null || at < alarm) await this.ctx.storage.setAlarm(at);
  }

  /**
   * Sets an alarm that is stored but long past due to ring now. A runtime killed with the alarm
   * set (wrangler dev's workerd, SIGKILLed) restarts with the time in the object's storage but not
   * in its scheduler, so it never rings, and a job whose lost tasks only the watchdog can send
   * again would wait forever; any status read or task then wakes it. On the platform an alarm
   * rings within seconds of its time, so this does nothing there.
   */
  private async reviveOverdueAlarm(): Promise<boolean> {
    const alarm = await this.ctx.storage.getAlarm();
    if (alarm === null || alarm > Date.now() - OVERDUE_ALARM_MS) return false;
    await this.ctx.storage.setAlarm(Date.now());
    return true;
  }

  /** Sends ready tasks, in id order (layer order), while the window has room. */
  private async fill(): Promise<void> {
    const job = (await this.job())!;
    if (job.state !== "running") return;
    const inFlight = await this.ctx.storage.list<FlightRecord>({ prefix: FLIGHT });
    const room = this.config.taskConcurrency - inFlight.size;
    if (room <= 0) return;
    const ready = await this.ctx.storage.list({ prefix: READY, limit: room });
    if (ready.size === 0) return;
    const tasks = await this.ctx.storage.get<TaskRecord>([...ready.keys()].map((k) => TASK + k.slice(READY.length)));
    await this.send([...tasks.values()]);
  }

  /**
   * Sends tasks as queue messages, each with the deadline by which a consumer should have started
   * it: the start allowance plus twice the expected cost of the work in flight before it, doubled
   * for each earlier send (a queue slower than the estimate costs a few duplicates, not a stream).
   */
  private async send(tasks: TaskRecord[]): Promise<void> {
    const job = (await this.job())!;
    const config = this.config;
    let ahead = 0;
    for (const flight of (await this.ctx.storage.list<FlightRecord>({ prefix: FLIGHT })).values()) ahead += flight.cost_seconds;
    for (let i = 0; i < tasks.length; i += SEND_BATCH) {
      const messages: { body: TaskMessage }[] = [];
      const sent: Record<string, unknown> = {};
      const sentIds: string[] = [];
      let firstDeadline = Number.POSITIVE_INFINITY;
      for (const task of tasks.slice(i, i + SEND_BATCH)) {
        const body: TaskMessage = {
          key: job.key,
          id: job.id,
          sha: job.sha,
          task: task.id,
          plan: task.plan,
          work: task.work,
          seed: job.seed,
          ...(job.base && { base: { id: job.base.id, sha: job.base.sha } }),
        };
        if (JSON.stringify(body).length > MAX_MESSAGE_BYTES) {
          await this.failLayer(task.plan, "the layer's description is too large for a queue message");
          continue;
        }
        messages.push({ body });
        const now = Date.now();
        const deadline = now + (config.taskStartMs + 2000 * ahead) * 2 ** task.sends;
        ahead += task.cost_seconds;
        firstDeadline = Math.min(firstDeadline, deadline);
        sentIds.push(task.id);
        sent[TASK + task.id] = { ...task, state: "sent", sends: task.sends + 1 } satisfies TaskRecord;
        sent[FLIGHT + task.id] = { state: "sent", deadline, since: now, cost_seconds: task.cost_seconds } satisfies FlightRecord;
      }
      if (messages.length === 0) continue;
      // recorded before sending: a consumer may ask for the task before sendBatch returns
      await putAll(this.ctx.storage, sent);
      await this.ctx.storage.delete(sentIds.map((id) => READY + id));
      await this.env.TASKS.sendBatch(messages);
      await this.watchBy(firstDeadline);
    }
  }

  /** When every part of a split layer is in, its combine task may be sent. */
  private async releaseCombine(layerId: number): Promise<void> {
    const combine = await this.ctx.storage.get<TaskRecord>(TASK + layerTaskId(layerId));
    if (!combine || combine.state !== "waiting" || combine.work.kind !== "combine") return;
    const parts = await this.ctx.storage.get<TaskRecord>(combine.work.parts.map((p) => TASK + p.task));
    if ([...parts.values()].some((p) => p.state !== "done") || parts.size !== combine.work.parts.length) return;
    await this.ctx.storage.put<unknown>({ [TASK + combine.id]: { ...combine, state: "ready" } satisfies TaskRecord, [READY + combine.id]: 1 });
  }

  /** A task is out of flight for good: its records say how it ended. */
  private async endTask(task: TaskRecord, state: "done" | "failed"): Promise<void> {
    this.streaming.delete(task.id);
    await this.ctx.storage.put(TASK + task.id, { ...task, state } satisfies TaskRecord);
    await this.ctx.storage.delete([FLIGHT + task.id, READY + task.id]);
  }

  /** After a task ended: the window takes the next tasks, and the report is written when all layers are in. */
  private async afterTaskEnded(): Promise<void> {
    await this.fill();
    await this.finishWhenComplete();
  }

  private async layerFinished(layerId: number): Promise<boolean> {
    const stored = await this.ctx.storage.get([RESULT + layerId, FAILURE + layerId]);
    return stored.size > 0;
  }

  private async failLayer(plan: LayerPlan, reason: string): Promise<void> {
    const own = layerTaskId(plan.layer_id);
    for (const task of (await this.ctx.storage.list<TaskRecord>({ prefix: TASK + own })).values()) {
      if ((task.id === own || task.id.startsWith(`${own}:`)) && task.state !== "done" && task.state !== "failed") await this.endTask(task, "failed");
    }
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
    try {
      await this.publish(job);
    } catch (error) {
      await this.fail((await this.job())!, `could not write the report: ${describe(error)}`);
    }
  }

  /** Assembles, checks and publishes the report, then keeps only the job's record. */
  private async publish(job: JobRecord): Promise<void> {
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
        ...(job.format ? { format: job.format } : {}),
        ...(job.adapter ? { adapter: job.adapter } : {}),
        ...(job.lineage ? { lineage: job.lineage } : {}),
      },
      method: {
        randomize: true,
        seed: job.seed,
        engine: workerEngine.name,
        ...(job.base && { base: { id: job.base.id, source: "hub" as const, revision: job.base.revision, sha: job.base.sha, files: job.base.files } }),
        ...(job.base?.mode === "with_base" && { peft: "with_base" as const }),
      },
      layers,
      skipped: [...(await this.ctx.storage.list<SkippedLayer[]>({ prefix: SKIPPED })).values()].flat(),
      failed,
      createdAt: new Date(),
      notes: job.base ? [...job.notes, baseNote(job.base)] : job.notes,
    });
    const validation = validateReport(report);
    if (!validation.ok) {
      await this.fail(job, `the assembled report is invalid: ${validation.errors.slice(0, 5).join("; ")}`);
      return;
    }
    const bytes = JSON.stringify(report).length;
    if (bytes > MAX_REPORT_BYTES) {
      await this.fail(job, `the report would be ${bytes} bytes, more than this service stores (${MAX_REPORT_BYTES})`);
      return;
    }
    if (job.base) {
      // a report against a base is not the model's own: never its latest, its badge or a leaderboard row
      await putDerivedReport(this.env.REPORTS, job.key, report);
    } else {
      const latest = job.defaultBranch || (await getLatestSha(this.env.REPORTS, job.id)) === null;
      await publishReport(this.env, report, { latest, committedAt: job.committed_at });
    }
    await this.save({ ...job, state: "done" });
    await this.clearWork();
  }

  /** Ends the job failed, with its reason; what it computed is let go, so a trigger starts afresh. */
  private async fail(job: JobRecord, reason: string, code?: string): Promise<void> {
    const { error_code: _previous, ...rest } = job;
    await this.save({ ...rest, state: "failed", error: reason, ...(code !== undefined && { error_code: code }) });
    const combines = [...(await this.ctx.storage.list<TaskRecord>({ prefix: TASK })).values()].flatMap((t) => (t.work.kind === "combine" ? [t.work] : []));
    for (const combine of combines) await deleteGramParts(this.env.REPORTS, job.key, combine.parts.map((p) => p.task));
    await this.clearWork();
  }

  /** The job keeps only its record: tasks, results and the alarm go. */
  private async clearWork(): Promise<void> {
    this.streaming.clear();
    await this.ctx.storage.deleteAlarm();
    for (const prefix of [TASK, READY, FLIGHT, RESULT, FAILURE, SKIPPED]) {
      const keys = [...(await this.ctx.storage.list({ prefix })).keys()];
      for (let i = 0; i < keys.length; i += 128) await this.ctx.storage.delete(keys.slice(i, i + 128));
    }
    await this.ctx.storage.delete(HEARD);
  }

  /** How long a running task may go unheard of: the base lease plus twice its expected cost. */
  private leaseMs(task: TaskRecord): number {
    return this.config.taskLeaseMs + 2000 * task.cost_seconds;
  }

  private async statusOf(job: JobRecord): Promise<JobStatus> {
    let queued = 0;
    let running = 0;
    if (job.state === "running") {
      for (const flight of (await this.ctx.storage.list<FlightRecord>({ prefix: FLIGHT })).values()) {
        if (flight.state === "running") running++;
        else queued++;
      }
    }
    let streaming = 0;
    for (const bytes of this.streaming.values()) streaming += bytes;
    const heardAt = (await this.ctx.storage.get<number>(HEARD)) ?? null;
    return jobStatus(job, Date.now(), { queued, running, streaming, heardAt });
  }

  private job(): Promise<JobRecord | undefined> {
    return this.ctx.storage.get<JobRecord>(JOB);
  }

  private async save(job: JobRecord): Promise<void> {
    await this.ctx.storage.put(JOB, { ...job, updated_at: new Date().toISOString() });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : String(error).slice(0, 500);
}

/** The bytes a layer streams: its tensor's, and in an analysis against a base the base's tensor's too. */
function tensorBytes(plan: LayerPlan): number {
  return plan.tensor.end - plan.tensor.begin + (plan.base ? plan.base.tensor.end - plan.base.tensor.begin : 0);
}

// storage.put takes at most 128 keys at once
async function putAll(storage: DurableObjectStorage, entries: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(entries);
  for (let i = 0; i < keys.length; i += 128) {
    await storage.put(Object.fromEntries(keys.slice(i, i + 128).map((k) => [k, entries[k]])));
  }
}
