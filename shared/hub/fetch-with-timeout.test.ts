import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchWithTimeout } from "./fetch-with-timeout.ts";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    // /silent never answers; /stalls sends its headers and a first piece, then nothing more
    if (req.url === "/stalls") res.writeHead(200, { "content-type": "application/json" }).write("[");
    else if (req.url !== "/silent") res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("fetchWithTimeout", () => {
  it("answers as fetch does within the time", async () => {
    expect(await (await fetchWithTimeout(fetch, 5000)(`${base}/fine`)).text()).toBe("ok");
  });

  it("gives up on a server that never answers, and on a body that stops coming, with a TimeoutError", async () => {
    const started = Date.now();
    await expect(fetchWithTimeout(fetch, 100)(`${base}/silent`)).rejects.toMatchObject({ name: "TimeoutError" });
    const stalled = await fetchWithTimeout(fetch, 150)(`${base}/stalls`);
    await expect(stalled.json()).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("still obeys the caller's own signal", async () => {
    const caller = new AbortController();
    const pending = fetchWithTimeout(fetch, 60_000)(`${base}/silent`, { signal: caller.signal });
    caller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
