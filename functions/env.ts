import type { TaskMessage } from "./task/task-message.ts";

/**
 * The web Worker's bindings and configuration. What wrangler.toml declares is read off it
 * (worker-configuration.d.ts, written by `npm run types:env`); here is only what it cannot say: the
 * queue's message type, and the secret and the vars an operator may set that the toml leaves out.
 * Vars arrive as strings.
 */
export interface Env extends Omit<WranglerTomlEnv, "TASKS"> {
  TASKS: Queue<TaskMessage>;
  /** secret; sent to the Hub only, never stored or logged */
  HF_TOKEN?: string;
  /** multiply-adds one task may spend on a Gram before its layer is split */
  EDGE_TASK_FLOPS?: string;
  /** bytes one task may use for Grams and buffers */
  EDGE_TASK_BYTES?: string;
  /** comma-separated hosts file reads may be redirected to (default: the Hub's own, DEFAULT_REDIRECT_HOSTS) */
  HUB_REDIRECT_HOSTS?: string;
  /** comma-separated origins (besides the service's own) whose pages may POST /api/analyze */
  ALLOWED_ORIGINS?: string;
  MAX_SHARDS?: string;
  MAX_TENSORS?: string;
  MAX_LAYERS?: string;
  JOB_BUDGET_SECONDS?: string;
  /** "off" (or false, 0, no) stops comparing a fine-tune with the base its card names; on by default */
  COMPARE_WITH_BASE?: string;
}

/**
 * The tasks Worker's bindings (wrangler.tasks.toml): the job objects live in the web Worker. Not
 * generated: `wrangler types` declares every config's bindings into the one global Cloudflare.Env,
 * so the two Workers' would merge.
 */
export type TasksEnv = Omit<Env, "RATE_LIMITER" | "LEADERBOARD" | "REVISIONS" | "TASKS" | "ASSETS">;
