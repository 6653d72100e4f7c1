import { describe, expect, it } from "vitest";
import { rowMetadata, SUMMARY_METRICS } from "#shared/report";
import { fixtureReport } from "../../../test/helpers/card-reports.ts";
import { HOSTILE } from "../../../test/helpers/fixture-report-specs.ts";
import { smuggledMarkup, textOfHtml } from "../../../test/helpers/inert-html.ts";
import { compareRows, groupHeadRow, LEADERBOARD_COLUMNS, leaderboardHead, leaderboardRow, leaderboardTable, rowFromEntry, rowFromHead } from "./leaderboard-row.ts";

const head = (file: string) => {
  const { layers: _l, skipped: _s, failed: _f, ...h } = fixtureReport(file);
  return h;
};
/** An entry of GET /api/leaderboard as the service builds it (functions/routes/get-leaderboard.ts). */
const entryOf = (file: string, rank = 1) => {
  const report = fixtureReport(file);
  return { rank, key: `${report.model.id}@${report.model.sha}`, id: report.model.id, sha: report.model.sha, latest: true, ...rowMetadata(report) };
};

describe("leaderboard rows", () => {
  it("draws the same row from a staged report and from the service's entry of it, but for the link", () => {
    const fromHead = leaderboardRow(rowFromHead(head("llama-mini-new.json"), "example/llama-mini"), 3).markup;
    const fromEntry = leaderboardRow(rowFromEntry(entryOf("llama-mini-new.json"))!, 3).markup;
    expect(fromHead).toContain('<a href="/example/llama-mini/">example/llama-mini</a>');
    expect(fromEntry).toContain('<a href="/example/llama-mini">example/llama-mini</a>');
    expect(fromEntry.replace('href="/example/llama-mini"', 'href="/example/llama-mini/"')).toBe(fromHead);
    expect(fromHead).toMatch(/^<tr data-model="example\/llama-mini" data-source="hub" data-created-at="[^"]+" data-family="llama" data-size="10m-100m" data-search="example\/llama-mini llama"><td data-value="3">3<\/td>/);
  });

  it("refuses entries that are not the API's: ids outside the Hub grammar, bad shas, non-numbers", () => {
    const good = entryOf("gpt2-like-failures.json");
    expect(rowFromEntry(good)).toMatchObject({ id: "example/gpt2-like", href: "/example/gpt2-like", revision: null, layers_failed: 2 });
    for (const bad of [
      { ...good, id: HOSTILE.attribute },
      { ...good, id: "org/name/tree/main" },
      { ...good, id: "javascript:alert(1)" },
      { ...good, sha: "HEAD" },
      { ...good, parameters: "6M" },
      { ...good, created_at: "yesterday" },
      { ...good, summary: { ...good.summary, alpha: "3" } },
      { ...good, summary: { ...good.summary, layers_failed: -1 } },
      null,
      "row",
    ]) {
      expect(rowFromEntry(bad)).toBeNull();
    }
  });

  it("keeps hostile families and ids inert", () => {
    const hostile = leaderboardRow(rowFromHead(head("hostile-local.json"), "~local/x"), 1).markup;
    expect(smuggledMarkup(hostile)).toEqual([]);
    expect(textOfHtml(hostile)).toContain(HOSTILE.script);
    expect(smuggledMarkup(leaderboardRow({ ...rowFromEntry(entryOf("llama-mini-new.json"))!, family: HOSTILE.attribute }, 1).markup)).toEqual([]);
    expect(groupHeadRow(HOSTILE.rtl, 1).markup).toContain("⟨U+202E⟩exe.fdp⟨U+202C⟩</span> <span class=\"muted small\">1 model</span>");
    expect(groupHeadRow(null, 2).markup).toContain("other: no family</span> <span class=\"muted small\">2 models");
  });

  it("ranks by log α-norm within each family in the static table, the largest family first", () => {
    const rows = ["llama-mini-new.json", "llama-deep.json", "gpt2-like-failures.json", "convnet-s.json", "convnet-m.json", "convnet-l.json", "llama-big.json", "convnet-xl.json"].map((f) =>
      rowFromEntry(entryOf(f))!,
    );
    const table = leaderboardTable(rows);
    const bodies = table.split("<tbody>").slice(1);
    expect(bodies.map((b) => /<span class="group-label">([^<]+)<\/span>/.exec(b)![1])).toEqual(["convnet", "llama", "gpt2"]);
    for (const body of bodies) {
      const ranks = [...body.matchAll(/<tr data-model[^>]*><td data-value="(\d+)">/g)].map((m) => Number(m[1]));
      expect(ranks).toEqual(ranks.map((_, i) => i + 1));
      const ids = [...body.matchAll(/<tr data-model="([^"]+)"/g)].map((m) => m[1]);
      expect(ids).toEqual(rows.filter((r) => ids.includes(r.id)).sort(compareRows).map((r) => r.id));
    }
  });

  it("marks the default sort and leaves # without a sort of its own", () => {
    const thead = leaderboardHead().markup;
    expect(thead).toContain('<th scope="col" data-key="rank" data-type="num" title="rank in this view">#</th>');
    expect(thead).toContain('data-key="log_alpha_norm" data-type="num" aria-sort="ascending"><button type="button" class="sort"');
    // every column but # sorts: each of the summary's means among them
    expect(thead.match(/<button/g)).toHaveLength(LEADERBOARD_COLUMNS.length - 1);
    for (const key of SUMMARY_METRICS) expect(thead).toContain(`data-key="${key}"`);
  });
});
