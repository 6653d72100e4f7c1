import type { AnalysisJob } from "./job/analysis-job.ts";
import type { LeaderboardIndex } from "./leaderboard/leaderboard-index.ts";
import type { TriggerRateLimiter } from "./rate-limit/trigger-rate-limiter.ts";
import type { TaskMessage } from "./task/task-message.ts";
import type { RevisionLookup } from "./trigger/revision-lookup.ts";

/** The web Worker's bindings (wrangler.toml) and configuration. Vars arrive as strings. */
export interface Env {
  REPORTS: KVNamespace;
  JOBS: DurableObjectNamespace<AnalysisJob>;
  RATE_LIMITER: DurableObjectNamespace<TriggerRateLimiter>;
  LEADERBOARD: DurableObjectNamespace<LeaderboardIndex>;
  REVISIONS: DurableObjectNamespace<RevisionLookup>;
  TASKS: Queue<TaskMessage>;
  ASSETS?: Fetcher;
  /** the Hub to talk to (the real one, or the mock Hub in tests and the demo) */
  HF_ENDPOINT: string;
  /** secret; sent to the Hub only, never stored or logged */
  HF_TOKEN?: string;
  MAX_MODEL_BYTES: string;
  TRIGGERS_PER_MINUTE: string;
  TASK_MAX_ATTEMPTS: string;
  TASK_CONCURRENCY?: string;
  TASK_LEASE_SECONDS?: string;
  TASK_START_SECONDS?: string;
  RANDOMIZE_SEED: string;
  /** multiply-adds one task may spend on a Gram before its layer is split */
  EDGE_TASK_FLOPS?: string;
  /** bytes one task may use for Grams and buffers */
  EDGE_TASK_BYTES?: string;
  /** comma-separated gated repos the operator allows to be analysed and published (none by default) */
  GATED_REPOS?: string;
  /** comma-separated hosts file reads may be redirected to (default: the Hub's own, DEFAULT_REDIRECT_HOSTS) */
  HUB_REDIRECT_HOSTS?: string;
  GLOBAL_TRIGGERS_PER_MINUTE?: string;
  /** comma-separated origins (besides the service's own) whose pages may POST /api/analyze */
  ALLOWED_ORIGINS?: string;
  MAX_SHARDS?: string;
  MAX_TENSORS?: string;
  MAX_LAYERS?: string;
  JOB_BUDGET_SECONDS?: string;
  /** "off" (or false, 0, no) stops comparing a fine-tune with the base its card names; on by default */
  COMPARE_WITH_BASE?: string;
}

/** The tasks Worker's bindings (wrangler.tasks.toml): the job objects live in the web Worker. */
export type TasksEnv = Omit<Env, "RATE_LIMITER" | "LEADERBOARD" | "REVISIONS" | "TASKS" | "ASSETS">;
