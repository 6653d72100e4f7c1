import { describe, expect, it } from "vitest";
import { fixtureReport } from "../../../../test/helpers/card-reports.ts";
import { fetchReport, reportUrl } from "./fetch-report.ts";

const answer = (status: number, body: string) => (async () => new Response(body, { status })) as unknown as typeof fetch;

describe("fetchReport", () => {
  it("builds the API's report URLs", () => {
    expect(reportUrl("", "org/name", null)).toBe("/api/reports/org/name");
    expect(reportUrl("https://s", "gpt2", "a".repeat(40))).toBe(`https://s/api/reports/gpt2@${"a".repeat(40)}`);
  });

  it("returns a valid report, and tells a missing one from other errors", async () => {
    const report = fixtureReport("llama-mini-new.json");
    expect(await fetchReport("/r", answer(200, JSON.stringify(report)))).toEqual({ kind: "report", report });
    expect(await fetchReport("/r", answer(404, '{"error":"report_not_found","message":"no report of a/b yet"}'))).toEqual({ kind: "missing" });
    expect(await fetchReport("/r", answer(404, '{"error":"model_not_found","message":"no such model on the Hub"}'))).toEqual({ kind: "error", message: "no such model on the Hub" });
    expect(await fetchReport("/r", answer(400, '{"error":"invalid_model_id","message":"a model id looks like org/name"}'))).toEqual({ kind: "error", message: "a model id looks like org/name" });
  });

  it("never passes on a page that is not the API's JSON", async () => {
    expect(await fetchReport("/r", answer(502, "<html><script>alert(1)</script></html>"))).toEqual({ kind: "error", message: "The service answered 502." });
    expect(await fetchReport("/r", answer(200, "<html>a static host's fallback</html>"))).toEqual({ kind: "error", message: "The service's answer is not JSON." });
    expect(await fetchReport("/r", answer(200, '{"schema":"x"}'))).toMatchObject({ kind: "error", message: expect.stringMatching(/^The service's report does not follow the report schema \(/) });
    const offline = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch;
    expect(await fetchReport("/r", offline)).toEqual({ kind: "error", message: "Could not reach the service: Failed to fetch" });
  });
});
