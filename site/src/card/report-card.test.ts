import { describe, expect, it } from "vitest";
import { revealInvisible } from "../lib/reveal-invisible.ts";
import { fixtureReport } from "../../../test/helpers/card-reports.ts";
import { HOSTILE } from "../../../test/helpers/fixture-report-specs.ts";
import { smuggledMarkup, textOfHtml } from "../../../test/helpers/inert-html.ts";
import { liveCardContext, localCardContext, type CardContext } from "./card-context.ts";
import { notableLayers, renderReportCard } from "./report-card.ts";

const ids = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
const context = (over: Partial<CardContext> = {}): CardContext => ({
  links: { card: "/org/m/", base: "/org/m/@s/", spectra: "/org/m/@s/spectra/", rawJson: "/org/m/@s/report.json" },
  siteUrl: "https://site.example",
  serviceOrigin: "https://api.example",
  api: "",
  pinned: false,
  latest: null,
  revisions: null,
  notice: null,
  embedded: false,
  ...over,
});

describe("renderReportCard", () => {
  const report = fixtureReport("gpt2-like-failures.json");

  it("renders every section once, with unique ids", () => {
    const card = renderReportCard(report, context());
    for (const id of ["summary-title", "warnings-title", "flow-title", "hist-title", "esd-title", "notable-title", "layers-title", "failed-title", "skipped-title", "badge", "provenance-title"]) {
      expect(ids(card).filter((i) => i === id), id).toHaveLength(1);
    }
    expect(new Set(ids(card)).size).toBe(ids(card).length);
    expect(card.match(/<figure class="plot/g)?.length).toBe(2 + notableLayers(report.layers).length);
    expect(card.match(/<tr data-layer=/g)).toHaveLength(report.layers.length);
  });

  it("keeps the report's key and its context on the wrapper, for scripts", () => {
    const ctx = context();
    const card = renderReportCard(report, ctx);
    expect(card).toMatch(new RegExp(`^<div class="report-card" data-card data-model-id="example/gpt2-like" data-source="hub" data-sha="${report.model.sha}" data-created-at="${report.created_at}"`));
    const json = /data-card-context="([^"]*)"/.exec(card)![1].replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    expect(JSON.parse(json)).toEqual(ctx);
  });

  it("links spectra, raw JSON and the badge card from the context", () => {
    const card = renderReportCard(report, context());
    expect(card).toContain('href="/org/m/@s/spectra/#layer-');
    expect(card).toContain('<a href="/org/m/@s/report.json">raw JSON</a>');
    expect(textOfHtml(card)).toContain("[![heavytail α](https://api.example/badge/example/gpt2-like.svg)](https://site.example/org/m/)");
  });

  it("marks an earlier revision on its pinned page, and shows a notice", () => {
    const pinned = renderReportCard(report, context({ pinned: true, latest: { sha: "other", created_at: report.created_at } }));
    expect(textOfHtml(pinned)).toContain("This is an earlier analysis of the model.");
    expect(textOfHtml(renderReportCard(report, context({ pinned: true, latest: { sha: report.model.sha, created_at: report.created_at } })))).not.toContain("earlier analysis");
    expect(renderReportCard(report, context({ notice: "updated <since>" }))).toContain('<p class="callout" data-card-notice>updated &lt;since&gt;</p>');
  });

  it("has no failed-layers panel when nothing failed", () => {
    const card = renderReportCard(fixtureReport("llama-mini-new.json"), context());
    expect(card).not.toContain("failed-title");
    expect(card).not.toContain("skipped-title");
    expect(textOfHtml(card)).toContain("no layer failed");
  });

  it("renders inside another page without breadcrumbs and with an h2 title", () => {
    const local = fixtureReport("hostile-local.json");
    const card = renderReportCard(local, localCardContext(local, "blob:x"));
    expect(card).not.toContain("breadcrumbs");
    expect(card).not.toContain("<h1");
    expect(card).toContain('<h2 class="model-title">');
    expect(card).toContain('href="#layer-');
    expect(card).toContain('<a href="#spectra">All 5 spectra →</a>');
  });

  it("shows every hostile string as text, invisible marks made visible, on hub and local reports", () => {
    for (const file of ["hostile-local.json", "hostile-hub.json"]) {
      const hostile = fixtureReport(file);
      const card = renderReportCard(hostile, liveCardContext(hostile, { origin: "https://site.example", serviceBase: "", pinned: false }));
      expect(smuggledMarkup(card)).toEqual([]);
      const text = textOfHtml(card);
      expect(text).not.toMatch(/[\u200B-\u200F\u202A-\u202E]/);
      if (file === "hostile-local.json") for (const s of Object.values(HOSTILE)) expect(text).toContain(revealInvisible(s));
      else expect(text).toContain(revealInvisible(hostile.model.id));
    }
  });
});
