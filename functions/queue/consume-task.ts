import { readConfig } from "../config.ts";
import type { LayerEngine } from "../layer-engine.ts";
import type { TasksEnv } from "../env.ts";
import { toApiError } from "../http/to-api-error.ts";
import { hubFileSource } from "../hub/hub-file-source.ts";
import { isTransientError } from "../task/is-transient-error.ts";
import { isUpstreamError } from "../task/is-upstream-error.ts";
import { renewingByteSource, TaskNotWantedError, type RenewProgress } from "../task/renewing-byte-source.ts";
import { retryDelaySeconds } from "../task/retry-delay-seconds.ts";
import { runTaskWork } from "../task/run-task-work.ts";
import type { TaskMessage } from "../task/task-message.ts";

// how often a running task renews its lease with the job (while it streams)
const RENEW_EVERY_MS = 5000;

/**
 * Handles one queue message: asks the job whether the task is still wanted (a duplicate, or one
 * finished meanwhile, is let go), does it while renewing its lease, and posts the result. A
 * transient Hub failure gives the task back and retries the message with backoff (honouring
 * Retry-After) up to TASK_MAX_ATTEMPTS deliveries; when the Hub still fails after that, or refuses
 * for good, the job fails with the reason and publishes nothing. A failure of the model's own
 * (bad bytes, a NaN weight) records the layer failed with the reason, and the job goes on.
 */
export async function consumeTask(message: Message<TaskMessage>, env: TasksEnv, engine: LayerEngine): Promise<void> {
  const task = message.body;
  const config = readConfig(env);
  const job = env.JOBS.get(env.JOBS.idFromName(task.key));
  if (!(await job.startTask(task.task)).run) {
    message.ack();
    return;
  }
  const progress: RenewProgress = { streamed: 0, renewedAt: Date.now() };
  const renewing = (id: string, sha: string, file: string) =>
    renewingByteSource(hubFileSource(config, id, sha, file), task.task, (bytes) => job.renewTask(task.task, bytes), RENEW_EVERY_MS, progress);
  const source = renewing(task.id, task.sha, task.plan.tensor.file);
  // against a base, the layer also reads the model's other tensors (biases, lora_A/B) and the base's
  const base = task.base;
  const delta = base && { open: (file: string) => renewing(task.id, task.sha, file), openBase: (file: string) => renewing(base.id, base.sha, file) };
  let layer;
  try {
    layer = await runTaskWork(task, source, engine, env.REPORTS, delta);
  } catch (error) {
    if (error instanceof TaskNotWantedError) {
      message.ack();
      return;
    }
    if (isTransientError(error) && message.attempts < config.taskMaxAttempts) {
      const delaySeconds = retryDelaySeconds(message.attempts, (error as { retryAfter?: number }).retryAfter);
      await job.releaseTask(task.task, delaySeconds);
      message.retry({ delaySeconds });
      return;
    }
    if (isUpstreamError(error)) {
      await job.failJob(`reading ${task.plan.tensor.file} (layer ${task.plan.name}) from the Hub failed after ${message.attempts} tries: ${reasonOf(error)}; nothing was published — analyse again to retry`);
    } else {
      await job.failTask(task.task, reasonOf(error));
    }
    message.ack();
    return;
  }
  await job.completeTask(task.task, layer);
  message.ack();
}

function reasonOf(error: unknown): string {
  const apiError = toApiError(error);
  // typed errors say what went wrong in words; anything else is named by its own message
  return apiError.status === 500 && error instanceof Error ? `${error.name}: ${error.message}` : apiError.message;
}
