import { createApp } from "./app.ts";
import { workerEngine } from "./engine.ts";
import type { Env } from "./env.ts";
import { consumeTask } from "./queue/consume-task.ts";
import type { TaskMessage } from "./queue/task-message.ts";

export { AnalysisJob } from "./job/analysis-job.ts";
export { TriggerRateLimiter } from "./rate-limit/trigger-rate-limiter.ts";

const app = createApp();

export default {
  fetch: app.fetch,
  async queue(batch: MessageBatch<TaskMessage>, env: Env): Promise<void> {
    // one layer per message; messages are handled one after another to keep memory to one layer's
    for (const message of batch.messages) await consumeTask(message, env, workerEngine);
  },
} satisfies ExportedHandler<Env, TaskMessage>;
