import { describe, expect, it } from "vitest";
import { formatReportCsv } from "../cli/format-report-csv.ts";
import { formatReportTable } from "../cli/format-report-table.ts";
import { badgeContent } from "#shared/badge";
import { alphaVerdict, formatMetric, formatParameters } from "#shared/format";
import type { Report } from "#shared/report";
import { liveCardContext } from "../site/src/card/card-context.ts";
import { cardDescription } from "../site/src/card/card-meta.ts";
import { renderReportCard } from "../site/src/card/report-card.ts";
import { spectraGrid } from "../site/src/card/spectra-list.ts";
import { fixtureReport } from "./helpers/card-reports.ts";
import { textOfHtml } from "./helpers/inert-html.ts";

// The CLI table, the site's card and the badge print one number one way and read one α one way
// (shared/format): render each from the same report and compare what people see.

const VALUES = [1234567.89, 0.000123, 3.14159, 7, 2, null, 1.999, 6.004, 9.5, -1];

/** The fixture with its mean α over fitted layers, its reference log α-norm and its first layer's α set to `value`. */
function reportWith(value: number | null): Report {
  const report = fixtureReport("llama-mini-new.json");
  report.summary.successful_fits.alpha = value;
  report.summary.reference.log_alpha_norm = value;
  report.layers[0] = { ...report.layers[0], alpha: value, status: value === null || value <= 0 ? "failed" : "success" };
  return report;
}

/** The cells of the CLI table's line that starts with `first` (columns are two or more spaces apart). */
function cliRow(table: string, first: RegExp): string[] {
  const lines = table.split("\n");
  const at = lines.findIndex((l) => first.test(l.trim()));
  expect(at, `no line ${first}`).toBeGreaterThan(-1);
  return lines[at].trim().split(/\s{2,}/);
}

/** The cells of the header above that line, to find columns by name. */
function cliColumn(table: string, first: RegExp, header: RegExp, column: string): string {
  const lines = table.split("\n");
  const row = lines.findIndex((l) => first.test(l.trim()));
  let head = row;
  while (head > 0 && !header.test(lines[head].trim())) head--;
  const names = lines[head].trim().split(/\s{2,}/);
  const index = names.indexOf(column);
  expect(index, `no column ${column}`).toBeGreaterThan(-1);
  return cliRow(table, first)[index];
}

function siteCard(report: Report) {
  const ctx = liveCardContext(report, { origin: "https://site.example", serviceBase: "https://api.example", pinned: false });
  const markup = renderReportCard(report, ctx);
  const headline = /<div class="headline"><div><div class="big">([^<]*)<\/div>[\s\S]*?<span class="chip ([^"]+)">([^<]*)<\/span>/.exec(markup);
  const logNorm = /<div class="figure"><div class="value">([^<]*)<\/div><div class="label">log α-norm \(mean\)<\/div>/.exec(markup);
  const badge = /<img src="data:image\/svg\+xml[^"]*" alt="heavytail α: ([^"]*)"/.exec(markup);
  const parameters = /<div class="meta-line">[\s\S]*?<span>([^<]*) parameters<\/span>/.exec(markup);
  expect(headline && logNorm && badge && parameters, "the card's headline, figures, badge and meta line").toBeTruthy();
  const layer = report.layers[0];
  const chip = new RegExp(`id="layer-${layer.layer_id}"><h3>[^<]*</h3><p class="small muted"><span class="chip ([^"]+)">α ([^<]*)</span>`).exec(spectraGrid(report).markup);
  expect(chip, "the layer's chip").toBeTruthy();
  return {
    alpha: headline![1],
    verdict: headline![2],
    label: headline![3],
    logAlphaNorm: logNorm![1],
    badge: badge![1],
    parameters: parameters![1],
    layerAlpha: chip![2],
    layerVerdict: chip![1],
    description: textOfHtml(cardDescription(report)),
  };
}

describe("one number, one reading, every front end", () => {
  it.each(VALUES)("α = %s prints and reads the same in the CLI table, the site's card and the badge", (value) => {
    const report = reportWith(value);
    const reading = alphaVerdict(value);
    const alpha = formatMetric(value, 2);
    const logAlphaNorm = formatMetric(value, 3);

    const table = formatReportTable(report);
    const fitted = /^mean over \d+ fitted/;
    const layerLine = new RegExp(`^${report.layers[0].layer_id}\\s+${report.layers[0].name.replaceAll(".", "\\.")}\\s`);
    const cli = {
      alpha: cliColumn(table, fitted, /^summary/, "α"),
      logAlphaNorm: cliColumn(table, /^mean \(reference\)/, /^summary/, "log α-norm"),
      layerAlpha: cliColumn(table, layerLine, /^id\s/, "α"),
      layerLabel: cliColumn(table, layerLine, /^id\s/, "reading"),
    };
    const card = siteCard(report);
    const badge = badgeContent({ successfulFitAlpha: value, layersFailed: report.summary.layers_failed }).message;

    // the number
    expect(cli.alpha).toBe(alpha);
    expect(card.alpha).toBe(alpha);
    expect(cli.layerAlpha).toBe(alpha);
    expect(card.layerAlpha).toBe(alpha);
    expect(cli.logAlphaNorm).toBe(logAlphaNorm);
    expect(card.logAlphaNorm).toBe(logAlphaNorm);
    expect(card.description).toContain(`mean α ${alpha} (${reading.label})`);
    expect(card.description).toContain(`log α-norm ${logAlphaNorm}.`);
    // the reading
    expect(card.verdict).toBe(reading.verdict);
    expect(card.label).toBe(reading.label);
    expect(card.layerVerdict).toBe(reading.verdict);
    expect(cli.layerLabel).toBe(reading.label);
    // the badge, as the service draws it and as the card previews it
    expect(badge).toBe(reading.verdict === "fit-failed" ? "fit failed" : `${alpha} ${reading.label}`);
    expect(card.badge).toBe(badge);
  });

  it("leaves the CSV at full precision: machine output never comes through the human formatter", () => {
    const csv = formatReportCsv(reportWith(1234567.89));
    expect(csv).toContain(",1234567.89,");
    expect(csv).not.toContain("1.23e6");
  });

  it("prints the examples as the site always has", () => {
    expect(VALUES.map((v) => formatMetric(v, 2))).toEqual(["1.23e6", "1.23e-4", "3.14", "7", "2", "—", "2.00", "6.00", "9.50", "-1"]);
    expect(VALUES.map((v) => alphaVerdict(v).label)).toEqual([
      "spurious fit?",
      "over-trained",
      "well-trained",
      "under-trained",
      "well-trained",
      "fit failed",
      "over-trained",
      "under-trained",
      "spurious fit?",
      "fit failed",
    ]);
  });

  it.each([124_439_808, 6_738_415_616, 3200, 999_999, 999])("a parameter count of %i prints the same in the CLI and on the card", (count) => {
    const report = fixtureReport("llama-mini-new.json");
    report.model.parameters = count;
    const shown = formatParameters(count);
    expect(formatReportTable(report).split("\n")[0]).toContain(`(${shown} parameters,`);
    expect(siteCard(report).parameters).toBe(shown);
  });
});
