import type { JobStatus } from "./analyze-status.ts";

export interface JobWatcher {
  /** the job moved on (queued, planning, running) */
  progress(status: JobStatus): void;
  /** the job is done or failed; called once, and nothing after it */
  finish(status: JobStatus): void;
}

export interface FollowOptions {
  fetch?: typeof fetch;
  /** the Server-Sent Events client; undefined to poll only */
  EventSource?: typeof EventSource;
  pollMs?: number;
  /** how long one poll may go unanswered before it is given up and asked again */
  answerTimeoutMs?: number;
}

const terminal = (s: JobStatus) => s.state === "done" || s.state === "failed";

/**
 * Follows a job (`GET /api/jobs/{key}`, docs/api.md) until it is done or failed: its event stream
 * where the browser has one, asking every few seconds where the stream is refused or breaks.
 * Returns a function that stops following.
 */
export function followJob(statusUrl: string, watcher: JobWatcher, options: FollowOptions = {}): () => void {
  const get = options.fetch ?? fetch;
  const Source = "EventSource" in options ? options.EventSource : globalThis.EventSource;
  const pollMs = options.pollMs ?? 2000;
  // wrangler dev was seen holding a request for minutes while its one thread ran tasks; a new one was answered
  const answerTimeoutMs = options.answerTimeoutMs ?? 30_000;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let events: EventSource | null = null;

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    events?.close();
  };
  const onStatus = (status: JobStatus) => {
    if (stopped) return;
    if (!terminal(status)) return watcher.progress(status);
    stop();
    watcher.finish(status);
  };
  const poll = async () => {
    if (stopped) return;
    try {
      const response = await get(statusUrl, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(answerTimeoutMs) });
      const body = await response.json();
      if (!response.ok) return onStatus({ state: "failed", error: body.message ?? `the service answered ${response.status}` });
      onStatus(body);
      if (!stopped) timer = setTimeout(poll, pollMs);
    } catch {
      if (!stopped) timer = setTimeout(poll, pollMs * 2);
    }
  };

  if (typeof Source === "function") {
    const stream = new Source(statusUrl);
    events = stream;
    stream.addEventListener("status", (e) => {
      try {
        onStatus(JSON.parse((e as MessageEvent).data));
      } catch {
        // a garbled event: the next one, or polling, says where the job stands
      }
    });
    // a refused or broken stream: fall back to asking every few seconds
    stream.onerror = () => {
      if (stopped || (stream.readyState !== Source.CLOSED && stream.readyState !== Source.CONNECTING)) return;
      stream.close();
      events = null;
      void poll();
    };
  } else {
    void poll();
  }
  return stop;
}
