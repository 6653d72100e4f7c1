import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { deltaReportUrl, fetchDeltaReport } from "./fetch-delta-report.ts";

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, "../../../../test/fixtures/reports", name), "utf8")) as Report;
const chat = fixture("tree-chat.json");
const base = fixture("tree-base.json");
const delta = { ...fixture("tree-chat-delta.json"), model: { ...fixture("tree-chat-delta.json").model, sha: chat.model.sha } };

/** A stand-in for the service that holds only `held` under its derived key. */
const service = (held: Record<string, Report>) => {
  const asked: string[] = [];
  const fetchImpl = (async (url: string) => {
    asked.push(url);
    const report = held[url];
    return report ? new Response(JSON.stringify(report)) : new Response(JSON.stringify({ error: "report_not_found", message: "none" }), { status: 404 });
  }) as unknown as typeof fetch;
  return { asked, fetchImpl };
};

describe("fetchDeltaReport", () => {
  const url = deltaReportUrl("https://ht.example", { id: chat.model.id, sha: chat.model.sha! }, { id: base.model.id, sha: base.model.sha! });

  it("builds the derived key of both commits", () => {
    expect(url).toBe(`https://ht.example/api/reports/tiny/base-lm-chat@${chat.model.sha}/delta/tiny/base-lm@${base.model.sha}`);
  });

  it("asks first for the model that names the other as its base, either way round", async () => {
    for (const [a, b] of [[chat, base], [base, chat]]) {
      const { asked, fetchImpl } = service({ [url]: delta });
      expect((await fetchDeltaReport("https://ht.example", a, b, fetchImpl))?.method.base?.id).toBe("tiny/base-lm");
      expect(asked).toEqual([url]);
    }
  });

  it("is null when the service has none, after asking both ways", async () => {
    const { asked, fetchImpl } = service({});
    expect(await fetchDeltaReport("https://ht.example", chat, base, fetchImpl)).toBeNull();
    expect(asked).toHaveLength(2);
  });
});
