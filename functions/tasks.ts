import { workerEngine } from "./engine.ts";
import type { TasksEnv } from "./env.ts";
import { consumeTask } from "./queue/consume-task.ts";
import type { TaskMessage } from "./task/task-message.ts";
import { yieldToRuntime } from "./queue/yield-to-runtime.ts";

/**
 * The tasks Worker (wrangler.tasks.toml): consumes the task queue, one layer (or part of one) per
 * invocation, streaming its bytes from the Hub and posting the result to the job. It runs apart
 * from the web Worker so its CPU-bound invocations have their own isolate and CPU limit.
 */
export default {
  async queue(batch: MessageBatch<TaskMessage>, env: TasksEnv): Promise<void> {
    // messages are handled one after another, so memory holds one layer's
    for (const message of batch.messages) {
      await consumeTask(message, env, workerEngine);
      await yieldToRuntime();
    }
  },
} satisfies ExportedHandler<TasksEnv, TaskMessage>;
