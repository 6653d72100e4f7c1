import type { Env } from "./env.ts";

/** The service's settings, read from the Worker's vars with their defaults. */
export interface ServiceConfig {
  hubUrl: string;
  hubToken: string | undefined;
  maxModelBytes: number;
  triggersPerMinute: number;
  taskMaxAttempts: number;
  taskTimeoutMs: number;
  seed: number;
  /** what one task may spend (docs/edge-limits.md): larger layers are split */
  edge: { maxTaskFlops: number; maxTaskBytes: number };
}

export function readConfig(env: Env): ServiceConfig {
  return {
    hubUrl: (env.HF_ENDPOINT || "https://huggingface.co").replace(/\/+$/, ""),
    hubToken: env.HF_TOKEN || undefined,
    maxModelBytes: positive(env.MAX_MODEL_BYTES, 20e9),
    triggersPerMinute: positive(env.TRIGGERS_PER_MINUTE, 30),
    taskMaxAttempts: positive(env.TASK_MAX_ATTEMPTS, 4),
    taskTimeoutMs: positive(env.TASK_TIMEOUT_SECONDS, 900) * 1000,
    seed: positive(env.RANDOMIZE_SEED, 1),
    edge: { maxTaskFlops: positive(env.EDGE_TASK_FLOPS, 2e10), maxTaskBytes: positive(env.EDGE_TASK_BYTES, 96 * 2 ** 20) },
  };
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n > 0 ? n : fallback;
}
