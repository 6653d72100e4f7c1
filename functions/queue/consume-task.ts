import { readConfig } from "../config.ts";
import type { LayerEngine } from "../engine.ts";
import type { Env } from "../env.ts";
import { toApiError } from "../http/to-api-error.ts";
import { hubFileSource } from "../hub/hub-file-source.ts";
import { isTransientError } from "./is-transient-error.ts";
import { retryDelaySeconds } from "./retry-delay-seconds.ts";
import { runTaskWork } from "./run-task-work.ts";
import type { TaskMessage } from "./task-message.ts";

/**
 * Handles one queue message: do the task and post the result to its job. A transient Hub failure
 * retries the message with backoff (honouring Retry-After) up to TASK_MAX_ATTEMPTS deliveries;
 * after that, or on a final error (bad bytes, a NaN weight), the layer is recorded failed with the
 * reason, and the job goes on.
 */
export async function consumeTask(message: Message<TaskMessage>, env: Env, engine: LayerEngine): Promise<void> {
  const task = message.body;
  const config = readConfig(env);
  const job = env.JOBS.get(env.JOBS.idFromName(task.key));
  let layer;
  try {
    layer = await runTaskWork(task, hubFileSource(config, task.id, task.sha, task.plan.tensor.file), engine, env.REPORTS);
  } catch (error) {
    if (isTransientError(error) && message.attempts < config.taskMaxAttempts) {
      const retryAfter = (error as { retryAfter?: number }).retryAfter;
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts, retryAfter) });
      return;
    }
    await job.failTask(task.task, reasonOf(error));
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
