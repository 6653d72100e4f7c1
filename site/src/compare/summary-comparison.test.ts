import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { formatMetric } from "#shared/format";
import { summaryComparison } from "./summary-comparison.ts";

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, "../../../test/fixtures/reports", name), "utf8")) as Report;

describe("summaryComparison", () => {
  it("puts both models' means side by side with b − a", () => {
    const [a, b] = [fixture("tree-chat.json"), fixture("tree-base.json")];
    const markup = summaryComparison(a, b, { a: "/tiny/base-lm-chat/", b: "/tiny/base-lm/" }).markup;
    expect(markup).toContain('href="/tiny/base-lm-chat/">tiny/base-lm-chat</a>');
    expect(markup).toContain('href="/tiny/base-lm/">tiny/base-lm</a>');
    const d = b.summary.reference.log_alpha_norm! - a.summary.reference.log_alpha_norm!;
    expect(markup).toContain(`${d < 0 ? "−" : "+"}${formatMetric(Math.abs(d), 3)}`);
  });

  it("says when a side is a delta analysis", () => {
    const markup = summaryComparison(fixture("tree-chat-delta.json"), fixture("tree-base.json"), { a: "/a/", b: "/b/" }).markup;
    expect(markup).toContain("delta analysis of");
  });
});
