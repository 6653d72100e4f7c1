import { createServer, type Server, type ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { localServiceJson } from "../../scripts/local-service-json.ts";

// What the demo and bench:service ask the local service through (scripts/local-service-json.ts).

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server answering its n-th request with answers[n] (a response left unanswered for null). */
function serve(...answers: (((res: ServerResponse) => void) | null)[]): Promise<{ url: string; asked: () => number }> {
  let asked = 0;
  server = createServer((_req, res) => {
    const answer = answers[asked++];
    if (answer) answer(res);
  });
  return new Promise((resolve) => server!.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server!.address() as { port: number }).port}/api/analyze`, asked: () => asked })));
}
const json = (status: number, body: unknown) => (res: ServerResponse) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

describe("localServiceJson", () => {
  it("asks again when wrangler's proxy answers its reload 503 in text", async () => {
    const { url, asked } = await serve(
      (res) => res.writeHead(503, { "retry-after": "0", "content-type": "text/plain" }).end("Your worker restarted mid-request. Please try sending the request again."),
      json(202, { key: "org/name@abc" }),
    );
    expect(await localServiceJson(url, { method: "POST", body: "{}" })).toEqual({ status: 202, body: { key: "org/name@abc" } });
    expect(asked()).toBe(2);
  });

  it("asks again when a request is held unanswered", async () => {
    const { url, asked } = await serve(null, json(200, { state: "done" }));
    expect((await localServiceJson(url, undefined, { answerTimeoutMs: 200 })).body).toEqual({ state: "done" });
    expect(asked()).toBe(2);
  });

  it("gives the service's own JSON errors back at once", async () => {
    const { url, asked } = await serve(json(404, { error: "model_not_found", message: "no such model" }));
    expect(await localServiceJson(url)).toEqual({ status: 404, body: { error: "model_not_found", message: "no such model" } });
    expect(asked()).toBe(1);
  });

  it("says what it last got when every attempt fails", async () => {
    const { url } = await serve((res) => res.writeHead(503).end("still reloading"), (res) => res.writeHead(503).end("still reloading"));
    await expect(localServiceJson(url, undefined, { attempts: 2 })).rejects.toThrow(/503: still reloading \(asked 2 times\)/);
  });
});
