import type { JobStatus } from "../job/job-types.ts";

const POLL_MS = 1000;
const HEARTBEAT_MS = 15_000;
const MAX_STREAM_MS = 5 * 60_000;

/**
 * Server-Sent Events: an `event: status` whenever the status changes (and every 15 s), ending after
 * the job is done or failed, or after 5 minutes (clients reconnect).
 */
export function streamJobEvents(first: JobStatus, read: () => Promise<JobStatus>): Response {
  const encoder = new TextEncoder();
  const started = Date.now();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let status = first;
      let sent = "";
      let sentAt = 0;
      try {
        for (;;) {
          const text = JSON.stringify(status);
          if (text !== sent || Date.now() - sentAt >= HEARTBEAT_MS) {
            controller.enqueue(encoder.encode(`event: status\ndata: ${text}\n\n`));
            sent = text;
            sentAt = Date.now();
          }
          if (status.state === "done" || status.state === "failed" || Date.now() - started > MAX_STREAM_MS) break;
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          status = await read();
        }
      } catch (error) {
        controller.enqueue(encoder.encode(`event: error\ndata: ${JSON.stringify({ message: (error as Error).message })}\n\n`));
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" },
  });
}
