import { describe, expect, it } from "vitest";
import { fixtureReport } from "../../../test/helpers/card-reports.ts";
import { fetchNewerReport } from "./fetch-newer-report.ts";

const old = fixtureReport("llama-mini-old.json");
const fresh = fixtureReport("llama-mini-new.json");
const built = { id: old.model.id, sha: old.model.sha!, created_at: old.created_at };

/** A fetch that answers like GET /api/reports/{id} (docs/api.md), recording what it was asked. */
function service(latest: typeof fresh | null, asked: { url: string; headers: Record<string, string> }[] = []): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    const headers = init?.headers as Record<string, string>;
    asked.push({ url, headers });
    if (latest === null) return new Response('{"error":"report_not_found","message":"no report"}', { status: 404 });
    const etag = `"${latest.model.sha}"`;
    const meta = { etag, "x-report-key": `${latest.model.id}@${latest.model.sha}` };
    if (headers["if-none-match"] === etag) return new Response(null, { status: 304, headers: meta });
    return new Response(JSON.stringify(latest), { status: 200, headers: { ...meta, "content-type": "application/json" } });
  }) as typeof fetch;
}

describe("fetchNewerReport", () => {
  it("asks for the latest report with the built sha as its ETag, and returns a newer one", async () => {
    const asked: { url: string; headers: Record<string, string> }[] = [];
    expect(await fetchNewerReport("https://api.example", built, service(fresh, asked))).toEqual(fresh);
    expect(asked).toEqual([{ url: "https://api.example/api/reports/example/llama-mini", headers: { accept: "application/json", "if-none-match": `"${old.model.sha}"` } }]);
  });

  it("returns nothing when the service has the same report, an older one, or none", async () => {
    expect(await fetchNewerReport("", built, service(old))).toBeNull();
    expect(await fetchNewerReport("", { ...built, sha: fresh.model.sha!, created_at: fresh.created_at }, service(fresh))).toBeNull();
    expect(await fetchNewerReport("", { id: fresh.model.id, sha: "c".repeat(40), created_at: "2027-01-01T00:00:00Z" }, service(fresh))).toBeNull();
    expect(await fetchNewerReport("", built, service(null))).toBeNull();
  });

  it("ignores answers that are not a report of this model, and an unreachable service", async () => {
    const answer = (body: string) => (async () => new Response(body, { status: 200 })) as unknown as typeof fetch;
    expect(await fetchNewerReport("", built, answer("<!doctype html><p>a static host's page"))).toBeNull();
    expect(await fetchNewerReport("", built, answer(JSON.stringify({ ...fresh, schema: "other" })))).toBeNull();
    expect(await fetchNewerReport("", built, answer(JSON.stringify({ ...fresh, model: { ...fresh.model, id: "someone/else" } })))).toBeNull();
    const offline = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch;
    expect(await fetchNewerReport("", built, offline)).toBeNull();
  });
});
