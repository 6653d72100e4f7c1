import { streamSSE } from "hono/streaming";
import type { JobStatus } from "../job/job-types.ts";
import type { AppContext } from "./route-types.ts";

const POLL_MS = 1000;
const HEARTBEAT_MS = 15_000;
const MAX_STREAM_MS = 5 * 60_000;

/**
 * Server-Sent Events: an `event: status` whenever the status changes (and every 15 s), ending after
 * the job is done or failed, after 5 minutes (clients reconnect), or when the client goes away.
 */
export function streamJobEvents(c: AppContext, first: JobStatus, read: () => Promise<JobStatus>): Response {
  const started = Date.now();
  const response = streamSSE(c, async (stream) => {
    let status = first;
    let sent = "";
    let sentAt = 0;
    try {
      while (!stream.aborted) {
        const text = JSON.stringify(status);
        if (text !== sent || Date.now() - sentAt >= HEARTBEAT_MS) {
          await stream.writeSSE({ event: "status", data: text });
          sent = text;
          sentAt = Date.now();
        }
        if (status.state === "done" || status.state === "failed" || Date.now() - started > MAX_STREAM_MS) break;
        await stream.sleep(POLL_MS);
        status = await read();
      }
    } catch (error) {
      if (!stream.aborted) await stream.writeSSE({ event: "error", data: JSON.stringify({ message: (error as Error).message }) });
    }
  });
  // a status is of this moment: no cache may keep it
  response.headers.set("cache-control", "no-store");
  return response;
}
