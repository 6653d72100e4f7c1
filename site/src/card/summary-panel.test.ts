import { describe, expect, it } from "vitest";
import { fixtureReport } from "../../../test/helpers/card-reports.ts";
import { textOfHtml } from "../../../test/helpers/inert-html.ts";
import { summaryPanel } from "./summary-panel.ts";

describe("summaryPanel", () => {
  it("gives the headline α, the counts and both means with exact values", () => {
    const report = fixtureReport("llama-mini-new.json");
    const out = summaryPanel(report).markup;
    const s = report.summary;
    expect(out).toContain(`<tr data-metric="log_alpha_norm">`);
    expect(out).toContain(`data-value="${s.reference.log_alpha_norm}"`);
    expect(textOfHtml(out)).toContain(`mean α over ${s.successful_fits.layers} fitted layers`);
    expect(textOfHtml(out)).toContain("Means over analysed layers; no layer failed.");
  });

  it("says how many layers failed and links to why", () => {
    const out = summaryPanel(fixtureReport("gpt2-like-failures.json")).markup;
    expect(out).toContain('2 layers failed and are left out (<a href="#failed-title">see why</a>)');
    expect(summaryPanel(fixtureReport("hostile-local.json")).markup).toContain("1 layer failed and is left out");
  });
});
