import type { TasksEnv } from "./env.ts";
import { DEFAULT_EDGE_LIMITS } from "./job/split-layer.ts";

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
  /** what one task may spend (docs/edge-limits.md): larger layers are split */
  edge: { maxTaskFlops: number; maxTaskBytes: number };
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
    edge: {
      maxTaskFlops: positive(env.EDGE_TASK_FLOPS, DEFAULT_EDGE_LIMITS.maxTaskFlops),
      maxTaskBytes: positive(env.EDGE_TASK_BYTES, DEFAULT_EDGE_LIMITS.maxTaskBytes),
    },
  };
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n > 0 ? n : fallback;
}
