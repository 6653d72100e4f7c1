import type { TasksEnv } from "./env.ts";
import { DEFAULT_EDGE_LIMITS } from "./task/split-layer.ts";

/** The service's settings, read from the Worker's vars with their defaults. */
export interface ServiceConfig {
  hubUrl: string;
  hubToken: string | undefined;
  maxModelBytes: number;
  triggersPerMinute: number;
  /** starts of one task before its layer is recorded failed */
  taskMaxAttempts: number;
  /** tasks of one job in flight (queued or running) at once */
  taskConcurrency: number;
  /** a running task not heard of for this long plus twice its expected cost is sent again */
  taskLeaseMs: number;
  /** a queued task not started within this long plus twice the expected cost of the work queued before it is sent again */
  taskStartMs: number;
  seed: number;
  /** gated repos the operator lets the service analyse, and publish, with its token (GATED_REPOS); any other gated repo is refused */
  gatedRepos: ReadonlySet<string>;
  /** hosts the Hub may redirect file reads to (HUB_REDIRECT_HOSTS; exact names or `*.suffix`); the Hub's own origin always */
  redirectHosts: string[] | undefined;
  /** triggers that start work, from all clients together, per minute (GLOBAL_TRIGGERS_PER_MINUTE) */
  globalTriggersPerMinute: number;
  /** origins besides the service's own whose pages may POST /api/analyze (ALLOWED_ORIGINS) */
  allowedOrigins: ReadonlySet<string>;
  /** what one job may ask of the service before any weight is streamed (docs/api.md, Limits) */
  limits: JobLimits;
  /** a fine-tune whose card names its base is compared with it, beside its own analysis (COMPARE_WITH_BASE, default on) */
  compareWithBase: boolean;
  /** what one task may spend (docs/edge-limits.md): larger layers are split */
  edge: { maxTaskFlops: number; maxTaskBytes: number };
}

export interface JobLimits {
  /** shards an index may name */
  maxShards: number;
  /** tensors all the headers together may list */
  maxTensors: number;
  /** layers one report may hold (a report of this many is ≈ 40 MB) */
  maxLayers: number;
  /** characters of one tensor name */
  maxNameLength: number;
  /** header reads in flight at once while planning */
  headerConcurrency: number;
  /** a job running longer than this fails, saying so (JOB_BUDGET_SECONDS) */
  jobBudgetMs: number;
}

export function readConfig(env: TasksEnv): ServiceConfig {
  return {
    hubUrl: (env.HF_ENDPOINT || "https://huggingface.co").replace(/\/+$/, ""),
    hubToken: env.HF_TOKEN || undefined,
    maxModelBytes: positive(env.MAX_MODEL_BYTES, 20e9),
    triggersPerMinute: positive(env.TRIGGERS_PER_MINUTE, 30),
    taskMaxAttempts: positive(env.TASK_MAX_ATTEMPTS, 4),
    taskConcurrency: Math.floor(positive(env.TASK_CONCURRENCY, 8)),
    taskLeaseMs: positive(env.TASK_LEASE_SECONDS, 20) * 1000,
    taskStartMs: positive(env.TASK_START_SECONDS, 30) * 1000,
    seed: positive(env.RANDOMIZE_SEED, 1),
    gatedRepos: new Set(list(env.GATED_REPOS)),
    redirectHosts: env.HUB_REDIRECT_HOSTS ? list(env.HUB_REDIRECT_HOSTS) : undefined,
    globalTriggersPerMinute: positive(env.GLOBAL_TRIGGERS_PER_MINUTE, 600),
    allowedOrigins: new Set(list(env.ALLOWED_ORIGINS).map((o) => o.replace(/\/+$/, ""))),
    compareWithBase: !["0", "false", "off", "no"].includes((env.COMPARE_WITH_BASE ?? "").trim().toLowerCase()),
    limits: {
      maxShards: Math.floor(positive(env.MAX_SHARDS, 512)),
      maxTensors: Math.floor(positive(env.MAX_TENSORS, 200_000)),
      maxLayers: Math.floor(positive(env.MAX_LAYERS, 4096)),
      maxNameLength: 1024,
      headerConcurrency: 8,
      jobBudgetMs: positive(env.JOB_BUDGET_SECONDS, 4 * 3600) * 1000,
    },
    edge: {
      maxTaskFlops: positive(env.EDGE_TASK_FLOPS, DEFAULT_EDGE_LIMITS.maxTaskFlops),
      maxTaskBytes: positive(env.EDGE_TASK_BYTES, DEFAULT_EDGE_LIMITS.maxTaskBytes),
    },
  };
}

function list(value: string | undefined): string[] {
  return (value ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n > 0 ? n : fallback;
}
