import { describe, expect, it } from "vitest";
import type { LeaderboardRow } from "../leaderboard/leaderboard-row.ts";
import { lineageTable } from "./lineage-table.ts";

const row = (id: string, logAlphaNorm: number | null, alpha: number): LeaderboardRow =>
  ({ id, href: `/${id}/`, log_alpha_norm: logAlphaNorm, alpha, successful_fit_alpha: alpha, parameters: 1000 }) as LeaderboardRow;

describe("lineageTable", () => {
  it("puts the base first as the reference, and gives each descendant its Δ against it", () => {
    const base = { row: row("o/base", 3, 3.5), parent: null, relation: null };
    const chat = { row: row("o/chat", 2.5, 3), parent: "o/base", relation: "finetune" };
    const q4 = { row: row("o/q4", null, 3.6), parent: "o/base", relation: "quantized" };
    const markup = lineageTable({ root: "o/base", base, members: [chat, q4] }, (m) => (m === chat ? "/compare/o/chat/vs/o/base/" : null)).markup;
    const rows = markup.split("<tr").slice(2);
    expect(rows[0]).toContain('data-reference');
    expect(rows[0]).toContain('data-relation="base"');
    expect(rows[1]).toContain('data-relation="finetune"');
    expect(rows[1]).toContain('data-value="-0.5"');
    expect(rows[1]).toContain("−0.500");
    expect(rows[1]).toContain('href="/compare/o/chat/vs/o/base/"');
    expect(rows[2]).toContain("—");
    expect(rows[2]).not.toContain("compare</a>");
  });

  it("escapes ids and says when the base has no report", () => {
    const ft = { row: row('x/"><b>', 2, 3), parent: "gone/<i>", relation: null };
    const markup = lineageTable({ root: "gone/<i>", base: null, members: [ft] }, () => null).markup;
    expect(markup).not.toContain("<b>");
    expect(markup).not.toContain("<i>");
    expect(markup).toContain("the base has no report here yet");
    expect(markup).not.toContain("data-reference");
  });
});
