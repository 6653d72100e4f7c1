import { describe, expect, it } from "vitest";
import { requestAnalysis } from "./request-analysis.ts";

const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
  const asked: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    asked.push({ url, init });
    return new Response(body, { status, headers });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, asked };
};

describe("requestAnalysis", () => {
  it("posts the model and revision as JSON and follows the job it starts", async () => {
    const service = answer(202, JSON.stringify({ state: "queued", key: "a/b@c", status_url: "/api/jobs/a/b@c" }));
    const start = await requestAnalysis("http://s", { model: "a/b", revision: "v1" }, service.fetch);
    expect(start).toEqual({ kind: "job", statusUrl: "http://s/api/jobs/a/b@c", status: { state: "queued", key: "a/b@c", status_url: "/api/jobs/a/b@c" } });
    expect(service.asked[0].url).toBe("http://s/api/analyze");
    expect(service.asked[0].init).toMatchObject({ method: "POST", headers: { "content-type": "application/json" }, body: '{"model":"a/b","revision":"v1"}' });
  });

  it("hands back a report that exists", async () => {
    const start = await requestAnalysis("http://s", { model: "a/b" }, answer(200, JSON.stringify({ state: "done", key: "a/b@c", report: { x: 1 } })).fetch);
    expect(start).toMatchObject({ kind: "done", status: { report: { x: 1 } } });
  });

  it("says what the API said went wrong, with its Retry-After, and never shows other pages", async () => {
    const limited = answer(429, JSON.stringify({ error: "rate_limited", message: "too many triggers" }), { "retry-after": "30" });
    expect(await requestAnalysis("http://s", { model: "a/b" }, limited.fetch)).toEqual({ kind: "error", message: "too many triggers Try again in 30 s." });
    expect(await requestAnalysis("http://s", { model: "a/b" }, answer(502, "<h1>Bad gateway</h1><script>x()</script>").fetch)).toEqual({ kind: "error", message: "The service answered 502." });
    expect(await requestAnalysis("http://s", { model: "a/b" }, answer(202, JSON.stringify({ state: "queued", status_url: "javascript:alert(1)" })).fetch)).toEqual({
      kind: "error",
      message: "The service did not say where to follow the job.",
    });
    const offline = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch;
    expect(await requestAnalysis("http://s", { model: "a/b" }, offline)).toEqual({ kind: "error", message: "Could not reach the service at http://s: Failed to fetch" });
  });
});
