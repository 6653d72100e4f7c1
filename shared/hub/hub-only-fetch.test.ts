import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hubOnlyFetch } from "./hub-only-fetch.ts";
import { ModelLookupError } from "./model-lookup-error.ts";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A server on 127.0.0.1 that records each request's path and Authorization header. */
function recordingServer() {
  const state = { base: "", handler: ((_req, res) => res.end("{}")) as Handler, seen: [] as { url: string; auth?: string }[] };
  const server: Server = createServer((req, res) => {
    state.seen.push({ url: req.url!, auth: req.headers.authorization });
    state.handler(req, res);
  });
  return { state, server };
}

const hub = recordingServer();
const other = recordingServer();
const TOKEN = "hf_hubOnlyFetchSecret";
const auth = { headers: { Authorization: `Bearer ${TOKEN}` } };

beforeAll(async () => {
  for (const s of [hub, other]) {
    await new Promise<void>((resolve) => s.server.listen(0, "127.0.0.1", resolve));
    s.state.base = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
  }
});
afterAll(async () => {
  for (const s of [hub, other]) await new Promise((resolve) => s.server.close(resolve));
});
beforeEach(() => {
  hub.state.seen = [];
  other.state.seen = [];
});

async function refusal(promise: Promise<unknown>): Promise<ModelLookupError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ModelLookupError);
  expect((error as Error).message).not.toContain(TOKEN);
  return error as ModelLookupError;
}

describe("hubOnlyFetch", () => {
  it("passes requests to the Hub's origin through, token and all", async () => {
    const res = await hubOnlyFetch(`${hub.state.base}/`, fetch)(`${hub.state.base}/api/models/a/b`, auth);
    expect(res.status).toBe(200);
    expect(hub.state.seen).toEqual([{ url: "/api/models/a/b", auth: `Bearer ${TOKEN}` }]);
  });

  it("refuses a URL on another origin before sending anything, naming the origin without credentials or path", async () => {
    const error = await refusal(hubOnlyFetch(hub.state.base, fetch)(`http://user:pw@${other.state.base.slice(7)}/api/models/a/b/tree/main?cursor=x`, auth));
    expect(error).toMatchObject({ code: "hub_error", status: 502 });
    expect(error.message).toBe(`the Hub's listing pointed at ${other.state.base}, which is not the Hub; not followed`);
    expect(other.state.seen).toEqual([]);
    // another port or scheme on the same host is another origin
    await refusal(hubOnlyFetch("https://huggingface.co", () => Promise.reject(new Error("sent")))("http://huggingface.co/api/models/a/b"));
  });

  it("follows the Hub's redirects within its origin and refuses one leading elsewhere, which never sees the token", async () => {
    hub.state.handler = (req, res) => {
      if (req.url === "/api/models/old/name") res.writeHead(307, { location: "/api/models/new/name" }).end();
      else if (req.url === "/api/models/away/name") res.writeHead(302, { location: `${other.state.base}/collect` }).end();
      else res.end("{}");
    };
    const moved = await hubOnlyFetch(hub.state.base, fetch)(`${hub.state.base}/api/models/old/name`, auth);
    expect(moved.status).toBe(200);
    expect(hub.state.seen.map((r) => [r.url, r.auth])).toEqual([
      ["/api/models/old/name", `Bearer ${TOKEN}`],
      ["/api/models/new/name", `Bearer ${TOKEN}`],
    ]);
    const error = await refusal(hubOnlyFetch(hub.state.base, fetch)(`${hub.state.base}/api/models/away/name`, auth));
    expect(error.message).toContain(`redirected to ${other.state.base}, which is not the Hub`);
    expect(other.state.seen).toEqual([]);
  });

  it("gives up on a redirect loop", async () => {
    hub.state.handler = (req, res) => res.writeHead(302, { location: req.url! }).end();
    expect((await refusal(hubOnlyFetch(hub.state.base, fetch)(`${hub.state.base}/loop`))).message).toMatch(/redirected more than \d+ times/);
  });
});
