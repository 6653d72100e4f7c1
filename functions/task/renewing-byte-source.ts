import { readFromStream, type ByteSource } from "#shared/safetensors";
import { HeavytailError } from "#shared/errors";

/** The job no longer wants the task (it finished elsewhere, or was given up): stop and let go of the message. */
export class TaskNotWantedError extends HeavytailError {
  declare readonly code: "task_not_wanted";
  constructor(task: string) {
    super("task_not_wanted", 409, `task ${task} is no longer wanted by its job`);
    this.name = "TaskNotWantedError";
  }
}

/** What a task's sources have streamed together, and when its lease was last renewed (ms since epoch). */
export interface RenewProgress {
  streamed: number;
  renewedAt: number;
}

/**
 * `source` with the task's lease renewed while it streams: at most every `everyMs`, `renew` is
 * told the bytes streamed so far and answers whether to go on. The job's watchdog sends a task
 * again when its lease runs out, so a consumer that dies is replaced within seconds, and one that
 * lost the task to a duplicate stops early. A task that streams several files (a delta reads the
 * model's and the base's) passes one `progress` to each, so the job hears the bytes of all of them.
 */
export function renewingByteSource(
  source: ByteSource,
  task: string,
  renew: (bytes: number) => Promise<{ run: boolean }>,
  everyMs: number,
  progress: RenewProgress = { streamed: 0, renewedAt: Date.now() },
): ByteSource {
  async function* stream(offset: number, length: number): AsyncGenerator<Uint8Array> {
    for await (const chunk of source.stream(offset, length)) {
      progress.streamed += chunk.byteLength;
      yield chunk;
      if (Date.now() - progress.renewedAt >= everyMs) {
        progress.renewedAt = Date.now();
        if (!(await renew(progress.streamed)).run) throw new TaskNotWantedError(task);
      }
    }
  }
  return { name: source.name, size: () => source.size(), stream, read: (offset, length) => readFromStream(stream, offset, length) };
}
