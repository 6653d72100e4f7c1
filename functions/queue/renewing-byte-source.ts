import { readFromStream } from "../../shared/safetensors/read-from-stream.ts";
import type { ByteSource } from "../../shared/safetensors/types.ts";

/** The job no longer wants the task (it finished elsewhere, or was given up): stop and let go of the message. */
export class TaskNotWantedError extends Error {
  constructor(task: string) {
    super(`task ${task} is no longer wanted by its job`);
    this.name = "TaskNotWantedError";
  }
}

/**
 * `source` with the task's lease renewed while it streams: at most every `everyMs`, `renew` is
 * told the bytes streamed so far and answers whether to go on. The job's watchdog sends a task
 * again when its lease runs out, so a consumer that dies is replaced within seconds, and one that
 * lost the task to a duplicate stops early.
 */
export function renewingByteSource(
  source: ByteSource,
  task: string,
  renew: (bytes: number) => Promise<{ run: boolean }>,
  everyMs: number,
): ByteSource {
  let streamed = 0;
  let renewedAt = Date.now();
  async function* stream(offset: number, length: number): AsyncGenerator<Uint8Array> {
    for await (const chunk of source.stream(offset, length)) {
      streamed += chunk.byteLength;
      yield chunk;
      if (Date.now() - renewedAt >= everyMs) {
        renewedAt = Date.now();
        if (!(await renew(streamed)).run) throw new TaskNotWantedError(task);
      }
    }
  }
  return { name: source.name, size: () => source.size(), stream, read: (offset, length) => readFromStream(stream, offset, length) };
}
