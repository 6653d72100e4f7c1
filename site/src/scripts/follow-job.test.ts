import { describe, expect, it } from "vitest";
import type { JobStatus } from "./analyze-status.ts";
import { followJob } from "./follow-job.ts";

const running = (done: number): JobStatus => ({ state: "running", layers: { total: 4, done, failed: 0, skipped: 0 } });

/** Follows a job to its end and returns what the watcher heard. */
function follow(statusUrl: string, options: Parameters<typeof followJob>[2]): Promise<{ progress: JobStatus[]; finish: JobStatus }> {
  return new Promise((resolve) => {
    const progress: JobStatus[] = [];
    followJob(statusUrl, { progress: (s) => progress.push(s), finish: (finish) => resolve({ progress, finish }) }, options);
  });
}

/** A fetch answering each request with the next of `answers`. */
const answering = (...answers: (() => Response)[]) => {
  const asked: string[] = [];
  const fetch = (async (url: string) => {
    asked.push(url);
    return answers.shift()!();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, asked };
};
const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status });

/** An EventSource that replays scripted events, then breaks (or is refused at once). */
class ScriptedSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static script: (JobStatus | "break")[] = [];
  static opened: string[] = [];
  readyState = 0;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(url: string) {
    super();
    ScriptedSource.opened.push(url);
    const steps = [...ScriptedSource.script];
    const next = () => {
      const step = steps.shift();
      if (step === undefined || this.closed) return;
      if (step === "break") {
        this.readyState = ScriptedSource.CLOSED;
        this.onerror?.();
        return;
      }
      this.readyState = ScriptedSource.OPEN;
      this.dispatchEvent(new MessageEvent("status", { data: JSON.stringify(step) }));
      setTimeout(next, 1);
    };
    setTimeout(next, 1);
  }
  close() {
    this.closed = true;
    this.readyState = ScriptedSource.CLOSED;
  }
}

describe("followJob", () => {
  it("polls until the job is done when there is no event stream", async () => {
    const service = answering(json(running(1)), () => new Response("<html>502</html>", { status: 502 }), json(running(3)), json({ state: "done" }));
    const heard = await follow("http://s/api/jobs/a/b@c", { fetch: service.fetch, EventSource: undefined, pollMs: 1 });
    expect(heard.progress.map((s) => s.layers?.done)).toEqual([1, 3]);
    expect(heard.finish.state).toBe("done");
    expect(service.asked).toEqual(Array(4).fill("http://s/api/jobs/a/b@c"));
  });

  it("gives up a poll the service holds unanswered and asks again", async () => {
    const asked: string[] = [];
    const held = (async (url: string, init?: RequestInit) => {
      asked.push(url);
      if (asked.length > 1) return json({ state: "done", layers: { total: 4, done: 4, failed: 0, skipped: 0 } })();
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)));
    }) as unknown as typeof globalThis.fetch;
    const heard = await follow("http://s/j", { fetch: held, EventSource: undefined, pollMs: 1, answerTimeoutMs: 20 });
    expect(heard.finish.state).toBe("done");
    expect(asked).toHaveLength(2);
  });

  it("reports the service's error message as a failed job", async () => {
    const service = answering(json({ error: "job_not_found", message: "no job for a/b@c" }, 404));
    const heard = await follow("http://s/j", { fetch: service.fetch, EventSource: undefined, pollMs: 1 });
    expect(heard.finish).toEqual({ state: "failed", error: "no job for a/b@c" });
  });

  it("follows the event stream, and stops at its last event", async () => {
    ScriptedSource.script = [running(1), running(2), { state: "done" }, running(4)];
    const service = answering();
    const heard = await follow("http://s/j", { fetch: service.fetch, EventSource: ScriptedSource as unknown as typeof EventSource, pollMs: 1 });
    expect(heard.progress.map((s) => s.layers?.done)).toEqual([1, 2]);
    expect(heard.finish.state).toBe("done");
    expect(service.asked).toEqual([]);
  });

  it("falls back to polling when the stream breaks", async () => {
    ScriptedSource.script = [running(1), "break"];
    const service = answering(json(running(2)), json({ state: "failed", error: "no safetensors" }));
    const heard = await follow("http://s/j", { fetch: service.fetch, EventSource: ScriptedSource as unknown as typeof EventSource, pollMs: 1 });
    expect(heard.progress.map((s) => s.layers?.done)).toEqual([1, 2]);
    expect(heard.finish).toEqual({ state: "failed", error: "no safetensors" });
  });

  it("hears nothing once stopped", async () => {
    const heard: string[] = [];
    const service = answering(json(running(1)), json(running(2)));
    const stop = followJob("http://s/j", { progress: (s) => heard.push(s.state), finish: (s) => heard.push(s.state) }, { fetch: service.fetch, EventSource: undefined, pollMs: 5 });
    stop();
    await new Promise((r) => setTimeout(r, 30));
    expect(heard).toEqual([]);
  });
});
