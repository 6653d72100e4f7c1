import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { httpByteSource, type HttpByteSourceOptions } from "./http-byte-source.ts";
import { HubError } from "./hub-error.ts";
import { ByteRangeError } from "../safetensors/byte-range-error.ts";
import { parseSafetensorsHeader } from "../safetensors/parse-safetensors-header.ts";
import { tensorValueReader } from "../safetensors/tensor-value-reader.ts";
import { encodeSafetensors } from "../../test/helpers/write-safetensors.ts";
import { createMockHub } from "../../test/mock-hub/create-mock-hub.ts";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A server on 127.0.0.1 whose behaviour each test sets; it records every request. */
function testServer() {
  const state = { handler: undefined as Handler | undefined, requests: [] as { url: string; range?: string; auth?: string }[], base: "" };
  const server: Server = createServer((req, res) => {
    state.requests.push({ url: req.url!, range: req.headers.range, auth: req.headers.authorization });
    state.handler!(req, res);
  });
  return { state, server };
}

const hub = testServer();
const cdn = testServer();

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  hub.state.base = await listen(hub.server);
  cdn.state.base = await listen(cdn.server);
});
afterAll(async () => {
  for (const { server } of [hub, cdn]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
beforeEach(() => {
  hub.state.requests = [];
  cdn.state.requests = [];
});

// the CDN as the real Hub names it: redirects off the Hub's origin must be https to an allowed host, so tests address it by name and `cdnFetch` delivers to the local server
const CDN = "https://cdn-lfs.hf.co";
const cdnFetch: typeof fetch = (input, init) => fetch(String(input).replace(CDN, cdn.state.base), init);

const FILE = Uint8Array.from({ length: 5000 }, (_, i) => (i * 31 + 7) & 0xff);
const TOKEN = "hf_SECRETtoken123";

/** Answers a Range request from `bytes` as the Hub does: 206 with Content-Range, 416 outside. */
function serveRange(req: IncomingMessage, res: ServerResponse, bytes: Uint8Array) {
  const match = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? "");
  if (!match) {
    res.writeHead(200, { "content-length": bytes.byteLength }).end(bytes);
    return;
  }
  const first = Number(match[1]);
  const last = Math.min(Number(match[2]), bytes.byteLength - 1);
  if (first >= bytes.byteLength) {
    res.writeHead(416, { "content-range": `bytes */${bytes.byteLength}` }).end();
    return;
  }
  res.writeHead(206, { "content-range": `bytes ${first}-${last}/${bytes.byteLength}`, "content-length": last - first + 1, etag: '"abc"' });
  res.end(bytes.subarray(first, last + 1));
}

function source(path = "/org/model/resolve/main/model.safetensors", extra: HttpByteSourceOptions = {}) {
  const sleeps: number[] = [];
  const redirects: [string, string][] = [];
  const src = httpByteSource(`${hub.state.base}${path}`, {
    fetch: cdnFetch,
    ...extra,
    headers: { Authorization: `Bearer ${TOKEN}` },
    retry: { sleep: async (ms) => void sleeps.push(ms), baseDelayMs: 100, ...extra.retry },
    onRedirect: (from, to) => redirects.push([from, to]),
  });
  return { src, sleeps, redirects };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).not.toContain(TOKEN);
  expect(JSON.stringify(error)).not.toContain(TOKEN);
  return error as Error;
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: number[] = [];
  for await (const chunk of chunks) parts.push(...chunk);
  return Uint8Array.from(parts);
}

describe("httpByteSource", () => {
  it("reads byte ranges with Range requests, learns the size from Content-Range, and sends the token", async () => {
    hub.state.handler = (req, res) => serveRange(req, res, FILE);
    const { src } = source();
    expect(await src.read(100, 50)).toEqual(FILE.subarray(100, 150));
    expect(await src.size()).toBe(5000);
    expect(hub.state.requests).toEqual([{ url: "/org/model/resolve/main/model.safetensors", range: "bytes=100-149", auth: `Bearer ${TOKEN}` }]);
    expect(await collect(src.stream(4990, 10))).toEqual(FILE.subarray(4990));
    expect(await src.read(0, 0)).toEqual(new Uint8Array(0));
    expect(src.name).toBe(`${hub.state.base}/org/model/resolve/main/model.safetensors`);
  });

  it("asks for one byte to learn the size when nothing was read yet; an empty file has size 0", async () => {
    hub.state.handler = (req, res) => serveRange(req, res, FILE);
    expect(await source().src.size()).toBe(5000);
    expect(hub.state.requests.map((r) => r.range)).toEqual(["bytes=0-0"]);
    hub.state.handler = (req, res) => serveRange(req, res, new Uint8Array(0));
    expect(await source().src.size()).toBe(0);
  });

  it("follows the Hub's 302 to a signed CDN URL without sending it the token, and reuses it", async () => {
    hub.state.handler = (_req, res) => res.writeHead(302, { location: `${CDN}/blob/abc?X-Amz-Signature=s1&X-Amz-Expires=3600` }).end();
    cdn.state.handler = (req, res) => serveRange(req, res, FILE);
    const { src, redirects } = source();
    expect(await src.read(10, 20)).toEqual(FILE.subarray(10, 30));
    expect(await src.read(1000, 3000)).toEqual(FILE.subarray(1000, 4000));
    expect(hub.state.requests).toHaveLength(1);
    expect(cdn.state.requests.map((r) => [r.url, r.range, r.auth])).toEqual([
      ["/blob/abc?X-Amz-Signature=s1&X-Amz-Expires=3600", "bytes=10-29", undefined],
      ["/blob/abc?X-Amz-Signature=s1&X-Amz-Expires=3600", "bytes=1000-3999", undefined],
    ]);
    expect(redirects).toEqual([[`${hub.state.base}/org/model/resolve/main/model.safetensors`, `${CDN}/blob/abc`]]);
  });

  it("resolves again from the original URL when the signed target starts answering 403 (expired)", async () => {
    let signature = 0;
    hub.state.handler = (_req, res) => res.writeHead(302, { location: `${CDN}/blob/abc?sig=${++signature}` }).end();
    cdn.state.handler = (req, res) => {
      // only the newest signature is valid: older ones have expired
      if (req.url !== `/blob/abc?sig=${signature}` || cdn.state.requests.length === 2) res.writeHead(403).end("Request has expired");
      else serveRange(req, res, FILE);
    };
    const { src, sleeps } = source();
    expect(await src.read(0, 8)).toEqual(FILE.subarray(0, 8));
    expect(await src.read(8, 8)).toEqual(FILE.subarray(8, 16));
    expect(hub.state.requests).toHaveLength(2);
    expect(cdn.state.requests.map((r) => r.url)).toEqual(["/blob/abc?sig=1", "/blob/abc?sig=1", "/blob/abc?sig=2"]);
    expect(sleeps).toEqual([0]);
  });

  it("treats 410 from the target as expiry too, and stops re-resolving after the tries run out", async () => {
    hub.state.handler = (_req, res) => res.writeHead(302, { location: `${CDN}/blob/x?sig=1` }).end();
    cdn.state.handler = (_req, res) => res.writeHead(410).end();
    const error = await failure(source("/o/m/resolve/main/f.safetensors", { retry: { maxTries: 3 } }).src.read(0, 4));
    expect(error).toMatchObject({ code: "retries_exhausted", status: 410 });
    expect(error.message).not.toContain("sig=");
    expect(hub.state.requests).toHaveLength(3);
  });

  it("retries 429, honouring Retry-After in seconds, as an HTTP date, and capped", async () => {
    const answers = [
      { status: 429, headers: { "retry-after": "2" } },
      { status: 429, headers: { "retry-after": new Date(Date.now() + 3_600_000).toUTCString() } },
      { status: 429, headers: {} },
    ];
    hub.state.handler = (req, res) => {
      const next = answers.shift();
      if (next) res.writeHead(next.status, next.headers).end();
      else serveRange(req, res, FILE);
    };
    const { src, sleeps } = source(undefined, { retry: { maxRetryAfterMs: 10_000 } });
    expect(await src.read(0, 4)).toEqual(FILE.subarray(0, 4));
    expect(sleeps).toEqual([2000, 10_000, 400]);
  });

  it("retries 5xx with exponential backoff, then gives up with a typed error", async () => {
    let failuresLeft = 2;
    hub.state.handler = (req, res) => (failuresLeft-- > 0 ? res.writeHead(503).end() : serveRange(req, res, FILE));
    const first = source();
    expect(await first.src.read(5, 5)).toEqual(FILE.subarray(5, 10));
    expect(first.sleeps).toEqual([100, 200]);

    hub.state.handler = (_req, res) => res.writeHead(500).end();
    const second = source(undefined, { retry: { maxTries: 4 } });
    const error = await failure(second.src.read(0, 4));
    expect(error).toBeInstanceOf(HubError);
    expect(error).toMatchObject({ code: "retries_exhausted", status: 500 });
    expect(error.message).toMatch(/gave up after 4 failed tries: server error 500/);
    expect(second.sleeps).toEqual([100, 200, 400]);
  });

  it("fails for good, naming it, when the file's size changes between reads", async () => {
    let reads = 0;
    hub.state.handler = (req, res) => serveRange(req, res, ++reads === 1 ? FILE : FILE.subarray(0, 4000));
    const { src } = source();
    expect(await src.size()).toBe(5000);
    const error = await failure(src.read(100, 50));
    expect(error).toBeInstanceOf(HubError);
    expect(error).toMatchObject({ code: "file_changed", message: expect.stringMatching(/was 5000 bytes and is now 4000/) });
  });

  it("resumes from the last byte received when the connection drops mid-body", async () => {
    let drops = 2;
    hub.state.handler = (req, res) => {
      const [, a, b] = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range!)!.map(Number);
      if (drops-- > 0) {
        // promise the whole range, send part of it, then cut the connection
        res.writeHead(206, { "content-range": `bytes ${a}-${b}/${FILE.byteLength}`, "content-length": b - a + 1 });
        res.write(FILE.subarray(a, a + 700), () => setTimeout(() => res.socket?.destroy(), 20));
      } else serveRange(req, res, FILE);
    };
    const { src } = source();
    expect(await src.read(100, 3000)).toEqual(FILE.subarray(100, 3100));
    expect(hub.state.requests.map((r) => r.range)).toEqual(["bytes=100-3099", "bytes=800-3099", "bytes=1500-3099"]);
  });

  it("resumes when a body just ends early without an error", async () => {
    let short = true;
    hub.state.handler = (req, res) => {
      const [, a, b] = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range!)!.map(Number);
      if (short) {
        short = false;
        res.writeHead(206, { "content-range": `bytes ${a}-${b}/${FILE.byteLength}` });
        res.end(FILE.subarray(a, a + 10));
      } else serveRange(req, res, FILE);
    };
    expect(await source().src.read(0, 100)).toEqual(FILE.subarray(0, 100));
    expect(hub.state.requests.map((r) => r.range)).toEqual(["bytes=0-99", "bytes=10-99"]);
  });

  it("gives up on an answer whose headers never come, and on a body that stops sending, after the timeout", async () => {
    hub.state.handler = () => undefined;
    const silent = source(undefined, { timeoutMs: 100, retry: { maxTries: 2 } });
    const error = await failure(silent.src.read(0, 4));
    expect(error).toMatchObject({ code: "retries_exhausted", status: 504 });
    expect(error.message).toMatch(/no answer within 0.1 s/);

    let stalls = 1;
    hub.state.handler = (req, res) => {
      const [, a, b] = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range!)!.map(Number);
      if (stalls-- > 0) {
        // headers and a first piece, then nothing more, connection left open
        res.writeHead(206, { "content-range": `bytes ${a}-${b}/${FILE.byteLength}`, "content-length": b - a + 1 });
        res.write(FILE.subarray(a, a + 50));
      } else serveRange(req, res, FILE);
    };
    const stalled = source(undefined, { timeoutMs: 100 });
    expect(await stalled.src.read(0, 1000)).toEqual(FILE.subarray(0, 1000));
    expect(hub.state.requests.map((r) => r.range).slice(-2)).toEqual(["bytes=0-999", "bytes=50-999"]);
  });

  it("stops a server that trickles a few bytes and drops, however long each try makes progress", async () => {
    hub.state.handler = (req, res) => {
      const [, a, b] = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range!)!.map(Number);
      res.writeHead(206, { "content-range": `bytes ${a}-${b}/${FILE.byteLength}`, "content-length": b - a + 1 });
      res.write(FILE.subarray(a, a + 1), () => setTimeout(() => res.socket?.destroy(), 5));
    };
    const { src } = source(undefined, { retry: { maxTries: 3, maxTotalTries: 6 } });
    const error = await failure(src.read(0, 100));
    expect(error).toMatchObject({ code: "retries_exhausted" });
    expect(error.message).toMatch(/gave up after 6 failed tries/);
    expect(hub.state.requests).toHaveLength(6);
  });

  it("retries refused connections and reports status 502 when they never succeed", async () => {
    const closed = createServer();
    const base = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const sleeps: number[] = [];
    const src = httpByteSource(`${base}/f.safetensors`, { retry: { maxTries: 3, sleep: async (ms) => void sleeps.push(ms) } });
    const error = await failure(src.read(0, 4));
    expect(error).toMatchObject({ code: "retries_exhausted", status: 502 });
    expect(error.message).toMatch(/network error/);
    expect(sleeps).toHaveLength(2);
  });

  it("rejects a 200 with the whole file for a partial range, but accepts it for the whole file", async () => {
    hub.state.handler = (_req, res) => res.writeHead(200, { "content-length": FILE.byteLength }).end(FILE);
    const error = await failure(source().src.read(10, 10));
    expect(error).toMatchObject({ code: "range_not_supported", status: 200 });
    expect(await source().src.read(0, FILE.byteLength)).toEqual(FILE);
  });

  it("rejects a 206 whose Content-Range does not match the request", async () => {
    hub.state.handler = (_req, res) => res.writeHead(206, { "content-range": `bytes 0-9/${FILE.byteLength}` }).end(FILE.subarray(0, 10));
    expect(await failure(source().src.read(10, 10))).toMatchObject({ code: "bad_content_range" });
    hub.state.handler = (_req, res) => res.writeHead(206).end(FILE.subarray(10, 20));
    expect(await failure(source().src.read(10, 10))).toMatchObject({ code: "bad_content_range" });
  });

  it.each([
    [401, {}, "unauthorized", /needs a token with access/],
    [403, {}, "forbidden", /needs a token with access/],
    [404, { "x-error-code": "EntryNotFound", "x-error-message": "Entry not found" }, "entry_not_found", /no such file/],
    [404, { "x-error-code": "RepoNotFound" }, "repo_not_found", /no such repository/],
    [404, {}, "not_found", /404/],
    [400, {}, "http_error", /unexpected HTTP 400/],
  ])("answers %i with a typed HubError, without retrying and without the token", async (status, headers, code, message) => {
    hub.state.handler = (_req, res) => res.writeHead(status, headers).end(`token was ${TOKEN}`);
    const { src, sleeps } = source();
    const error = await failure(src.read(0, 4));
    expect(error).toBeInstanceOf(HubError);
    expect(error).toMatchObject({ code, status });
    expect(error.message).toMatch(message);
    expect(sleeps).toEqual([]);
    expect(hub.state.requests).toHaveLength(1);
  });

  it("raises ByteRangeError for a range past the end (416), and checks ranges once the size is known", async () => {
    hub.state.handler = (req, res) => serveRange(req, res, FILE);
    const { src } = source();
    expect(await failure(src.read(6000, 4))).toBeInstanceOf(ByteRangeError);
    expect(await src.size()).toBe(5000);
    expect(await failure(src.read(4999, 2))).toBeInstanceOf(ByteRangeError);
    expect(hub.state.requests).toHaveLength(1);
  });

  it("stops a redirect loop and refuses a redirect to another scheme", async () => {
    hub.state.handler = (req, res) => res.writeHead(302, { location: `/loop${req.url}` }).end();
    expect(await failure(source().src.read(0, 1))).toMatchObject({ code: "too_many_redirects" });
    hub.state.handler = (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end();
    expect(await failure(source().src.read(0, 1))).toMatchObject({ code: "bad_redirect" });
  });

  it("streams a safetensors tensor over HTTP, through a redirect, with an expiry and a dropped connection on the way", async () => {
    const values = Float32Array.from({ length: 4096 }, (_, i) => Math.cos(i / 10));
    const file = encodeSafetensors([{ name: "fc.weight", dtype: "F32", shape: [64, 64], data: values }]);
    let signature = 0;
    let served = 0;
    hub.state.handler = (_req, res) => res.writeHead(302, { location: `${CDN}/b?sig=${++signature}` }).end();
    cdn.state.handler = (req, res) => {
      served++;
      if (served === 3) return void res.writeHead(403).end();
      const [, a, b] = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range!)!.map(Number);
      if (served === 5) {
        res.writeHead(206, { "content-range": `bytes ${a}-${b}/${file.byteLength}` });
        res.write(file.subarray(a, a + 1001), () => setTimeout(() => res.socket?.destroy(), 20));
        return;
      }
      serveRange(req, res, file);
    };
    const { src } = source();
    const [tensor] = (await parseSafetensorsHeader(src, "model.safetensors")).tensors;
    const read = tensorValueReader(src, tensor, { chunkBytes: 4096 });
    const got: number[] = [];
    for await (const chunk of read(0, 4096)) got.push(...chunk);
    expect(Float32Array.from(got)).toEqual(values);
    expect(signature).toBe(2);
  });
});

describe("httpByteSource redirect allow-list", () => {
  it("refuses a redirect to another origin over http, or to an address, at once and without sending the token", async () => {
    hub.state.handler = (_req, res) => res.writeHead(302, { location: `${cdn.state.base}/blob/abc?X-Amz-Signature=s1` }).end();
    cdn.state.handler = (req, res) => serveRange(req, res, FILE);
    const error = await failure(source().src.read(0, 4));
    expect(error).toMatchObject({ code: "bad_redirect", status: 302 });
    expect(error.message).toContain(`redirects to ${cdn.state.base}, which is not`);
    expect(error.message).not.toContain("X-Amz-Signature");
    expect(hub.state.requests).toHaveLength(1);
    expect(cdn.state.requests).toEqual([]);
  });

  it("follows https redirects to the hosts it is given, and no others", async () => {
    const files = "https://files.example.org";
    const fetchFiles: typeof fetch = (input, init) => fetch(String(input).replace(files, cdn.state.base), init);
    cdn.state.handler = (req, res) => serveRange(req, res, FILE);
    hub.state.handler = (_req, res) => res.writeHead(302, { location: `${files}/blob/abc` }).end();
    const allowed = source(undefined, { fetch: fetchFiles, redirectHosts: ["*.example.com", "files.example.org"] }).src;
    expect(await allowed.read(0, 4)).toEqual(FILE.subarray(0, 4));
    expect(cdn.state.requests.map((r) => r.auth)).toEqual([undefined]);
    // the default list is the real Hub's
    expect(await failure(source(undefined, { fetch: fetchFiles }).src.read(0, 4))).toMatchObject({ code: "bad_redirect" });
    hub.state.handler = (_req, res) => res.writeHead(302, { location: "https://localhost/blob/abc" }).end();
    expect(await failure(source(undefined, { redirectHosts: ["localhost"] }).src.read(0, 4))).toMatchObject({ code: "bad_redirect" });
  });

  it("against the mock Hub: its own CDN is followed, its redirectTo fault to an address or localhost is not", async () => {
    const mock = await createMockHub({ repos: { "tesseract/eng_lstm": "test/fixtures/tesseract_eng_lstm" } });
    try {
      const url = `${mock.url}/tesseract/eng_lstm/resolve/main/model.safetensors`;
      const redirects: string[] = [];
      const followed = httpByteSource(url, { onRedirect: (_from, to) => redirects.push(to) });
      expect((await followed.read(0, 8)).byteLength).toBe(8);
      expect(redirects).toEqual([expect.stringMatching(new RegExp(`^${mock.url}/cdn/`))]);
      const port = new URL(cdn.state.base).port;
      for (const target of [`${cdn.state.base}/steal`, `http://localhost:${port}/steal`, `https://localhost:${port}/steal`, `https://[::1]:${port}/steal`]) {
        mock.setFaults("tesseract/eng_lstm", { redirectTo: target });
        const error = await failure(httpByteSource(url, { headers: { Authorization: `Bearer ${TOKEN}` } }).read(0, 8));
        expect(error, target).toMatchObject({ code: "bad_redirect", status: 302 });
        expect(error.message, target).toContain(`redirects to ${new URL(target).protocol}//${new URL(target).host}`);
      }
      expect(cdn.state.requests).toEqual([]);
    } finally {
      await mock.close();
    }
  });
});
