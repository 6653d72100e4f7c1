import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchServiceReports } from "./fetch-service-reports.ts";

// The service's report listing as docs/api.md specifies it, served from memory on 127.0.0.1.
const stored = new Map<string, string>();
for (let i = 0; i < 5; i++) stored.set(`org/model-${i}@${String(i).repeat(40)}`, JSON.stringify({ n: i }));
const DERIVED = `org/model-1@${"1".repeat(40)}/delta/org/model-0@${"0".repeat(40)}`;
stored.set(DERIVED, JSON.stringify({ n: "delta" }));
const requests: string[] = [];
let failReports = false;
let server: ReturnType<typeof createServer>;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    requests.push(decodeURIComponent(url.pathname) + url.search);
    if (url.pathname === "/api/derived-reports") {
      res.setHeader("content-type", "application/json");
      const row = { key: DERIVED, id: "org/model-1", sha: "1".repeat(40), base: { id: "org/model-0", sha: "0".repeat(40), mode: "delta" } };
      return res.end(JSON.stringify({ reports: url.searchParams.has("cursor") ? [] : [row], next_cursor: url.searchParams.has("cursor") ? null : "end" }));
    }
    if (url.pathname === "/api/reports") {
      const keys = [...stored.keys()].filter((k) => k !== DERIVED);
      const start = Number(url.searchParams.get("cursor") ?? 0);
      const page = keys.slice(start, start + 2);
      const next = start + 2 < keys.length ? String(start + 2) : null;
      res.setHeader("content-type", "application/json");
      return res.end(JSON.stringify({ reports: page.map((key) => ({ key, id: key.split("@")[0], sha: key.split("@")[1] })), next_cursor: next }));
    }
    const key = decodeURIComponent(url.pathname.replace(/^\/api\/reports\//, ""));
    if (failReports || !stored.has(key)) {
      res.statusCode = 404;
      return res.end(JSON.stringify({ error: "report_not_found" }));
    }
    res.end(stored.get(key));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("fetchServiceReports", () => {
  it("follows the cursor through every page of both listings and fetches each report", async () => {
    const texts = await fetchServiceReports(base, { concurrency: 2 });
    expect(texts.map((t) => JSON.parse(t.text).n)).toEqual([0, 1, 2, 3, 4, "delta"]);
    expect(requests.filter((r) => r.startsWith("/api/derived-reports?"))).toEqual(["/api/derived-reports?limit=1000", "/api/derived-reports?limit=1000&cursor=end"]);
    expect(texts[5].source).toBe(`${base}/api/reports/${DERIVED}`);
    expect(requests.filter((r) => r.startsWith("/api/reports?"))).toEqual([
      "/api/reports?limit=1000",
      "/api/reports?limit=1000&cursor=2",
      "/api/reports?limit=1000&cursor=4",
    ]);
    expect(texts[0].source).toBe(`${base}/api/reports/org/model-0@${"0".repeat(40)}`);
  });

  it("fails with the status when the service refuses a report", async () => {
    failReports = true;
    await expect(fetchServiceReports(base)).rejects.toMatchObject({ code: "SERVICE_FETCH", status: 404 });
    failReports = false;
  });

  it("fails clearly when nothing answers", async () => {
    await expect(fetchServiceReports("http://127.0.0.1:9", { timeoutMs: 2000 })).rejects.toMatchObject({ code: "SERVICE_FETCH" });
  });
});
