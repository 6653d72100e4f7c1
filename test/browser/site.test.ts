import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { revealInvisible } from "../../site/src/lib/reveal-invisible.ts";
import { HOSTILE } from "../helpers/fixture-report-specs.ts";
import { buildFixtureSite, FIXTURE_REPORTS, REPO } from "../site/build-fixture-site.ts";
import { serveStatic } from "./serve-static.ts";
import { useSiteBrowser } from "./use-site-browser.ts";

const SCREENSHOTS = join(REPO, "test-results", "screenshots");

const latest = (() => {
  const byId = new Map<string, Report>();
  for (const file of readdirSync(FIXTURE_REPORTS).filter((f) => f.endsWith(".json"))) {
    const report = JSON.parse(readFileSync(join(FIXTURE_REPORTS, file), "utf8")) as Report;
    const seen = byId.get(report.model.id);
    if (!seen || Date.parse(report.created_at) > Date.parse(seen.created_at)) byId.set(report.model.id, report);
  }
  return [...byId.values()];
})();
const ranked = [...latest].sort(
  (a, b) => (a.summary.reference.log_alpha_norm ?? Infinity) - (b.summary.reference.log_alpha_norm ?? Infinity),
);

/** the built site on a static host: its pages' questions to /api/ get 404, which must change nothing */
const site = useSiteBrowser(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const built = await buildFixtureSite({}, ["--site", "https://heavytail.example"]);
  return serveStatic(built.dist);
});
const open = site.open;
/** Elements that reach past the right edge of the window (a phone layout must have none). */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest(".table-wrap, figure.plot.wide"))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px`),
  );

const modelColumn = (page: Page) =>
  page.$$eval("table[data-leaderboard] tbody tr:not([hidden]) td.name", (cells) => cells.map((c) => c.getAttribute("data-value")));
const columnValues = (page: Page, index: number) =>
  page.$$eval(
    "table[data-leaderboard] tbody tr[data-model]:not([hidden])",
    (rows, i) => rows.map((r) => r.children[i].getAttribute("data-value")),
    index,
  );

describe("the leaderboard", () => {
  it("ranks each family on its own, the largest first, # counting from 1 in each", async () => {
    const page = await open("/");
    const sections = await page.$$eval("table[data-leaderboard] tbody", (bodies) =>
      bodies.map((b) => ({
        family: b.querySelector(".group-label")?.textContent,
        ids: [...b.querySelectorAll("tr[data-model]")].map((r) => r.getAttribute("data-model")),
        ranks: [...b.querySelectorAll("tr[data-model]")].map((r) => r.children[0].textContent),
      })),
    );
    const families = [...new Set(latest.map((r) => r.model.family))];
    const expected = families
      .map((family) => ({ family, ids: ranked.filter((r) => r.model.family === family).map((r) => r.model.id) }))
      .sort((a, b) => (a.family === null) !== (b.family === null) ? (a.family === null ? 1 : -1) : b.ids.length - a.ids.length || (a.family! < b.family! ? -1 : 1));
    expect(sections.map((s) => s.ids)).toEqual(expected.map((e) => e.ids));
    expect(sections.map((s) => s.family)).toEqual(expected.map((e) => e.family ?? "other: no family"));
    for (const s of sections) expect(s.ranks).toEqual(s.ids.map((_, i) => String(i + 1)));
    await page.screenshot({ path: join(SCREENSHOTS, "home.png"), fullPage: true });
  });

  it("lists all models by log α-norm, lowest first, in the single ranking", async () => {
    const page = await open("/");
    await page.selectOption("select[name=group]", "all");
    expect(await modelColumn(page)).toEqual(ranked.map((r) => r.model.id));
    expect(await page.locator("tr.group-row").count()).toBe(0);
    expect(new URL(page.url()).search).toBe("?group=all");
  });

  it("sorts by any column and keeps the sort in the URL", async () => {
    const page = await open("/?group=all");
    const alphaIndex = await page.$$eval("table[data-leaderboard] thead th", (ths) => ths.findIndex((th) => th.getAttribute("data-key") === "alpha"));
    await page.click('th[data-key="alpha"] button');
    const ascending = (await columnValues(page, alphaIndex)).map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(new URL(page.url()).searchParams.get("sort")).toBe("alpha");
    await page.click('th[data-key="alpha"] button');
    const descending = (await columnValues(page, alphaIndex)).map(Number);
    expect(descending).toEqual([...ascending].reverse());
    expect(new URL(page.url()).searchParams.get("dir")).toBe("desc");
    expect(await page.getAttribute('th[data-key="alpha"]', "aria-sort")).toBe("descending");
  });

  it("filters by family and size, and a shared URL restores the view", async () => {
    const page = await open("/");
    await page.selectOption("select[name=family]", "convnet");
    expect(await modelColumn(page)).toEqual(ranked.filter((r) => r.model.family === "convnet").map((r) => r.model.id));
    expect(page.url()).toContain("family=convnet");
    await page.selectOption("select[name=size]", "100m-1b");
    expect(await modelColumn(page)).toEqual([]);
    expect(await page.isVisible("[data-empty]")).toBe(true);

    const shared = await open("/?family=llama&sort=alpha");
    expect(await shared.inputValue("select[name=family]")).toBe("llama");
    const llamas = latest.filter((r) => r.model.family === "llama");
    const byAlpha = [...llamas].sort((a, b) => (a.summary.reference.alpha ?? 0) - (b.summary.reference.alpha ?? 0));
    expect(await modelColumn(shared)).toEqual(byAlpha.map((r) => r.model.id));
    expect(await shared.textContent("[data-count]")).toBe(`${llamas.length} of ${latest.length} models`);
  });

  it("searches ids and families, ignoring case and invisible marks", async () => {
    const page = await open("/");
    await page.fill("input[name=q]", "DEEP");
    expect(await modelColumn(page)).toEqual(["example/llama-deep"]);
    await page.fill("input[name=q]", "exe.fdpzerowidth");
    expect(await modelColumn(page)).toEqual([latest.find((r) => r.model.id.startsWith("rtl-org/"))!.model.id]);
    expect(page.url()).toContain("q=exe.fdpzerowidth");
    await page.click("button[data-reset]");
    expect(await modelColumn(page)).toHaveLength(latest.length);
    expect(new URL(page.url()).search).toBe("");
  });

  it("fits a phone screen in dark mode", async () => {
    const page = await open("/", { width: 390, dark: true });
    expect(await overflowing(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await page.screenshot({ path: join(SCREENSHOTS, "home-phone-dark.png"), fullPage: true });
  });

  it("asks for a model before calling the service", async () => {
    const page = await open("/");
    await page.click("#analyse button[type=submit]");
    expect(await page.textContent("#analyse [data-status]")).toContain("Paste a model id");
  });
});

describe("a report card", () => {
  it("draws its plots as SVG paths with text alternatives", async () => {
    const page = await open("/example/llama-mini/");
    const plots = await page.$$eval("figure.plot svg", (svgs) =>
      svgs.map((svg) => ({
        title: svg.querySelector("title")?.textContent ?? "",
        desc: svg.querySelector("desc")?.textContent ?? "",
        paths: [...svg.querySelectorAll("path")].filter((p) => (p.getAttribute("d") ?? "").length > 10 && p.getBBox().width > 0).length,
        width: svg.getBoundingClientRect().width,
      })),
    );
    expect(plots.length).toBeGreaterThanOrEqual(4);
    for (const plot of plots) {
      expect(plot.title).not.toBe("");
      expect(plot.desc.length).toBeGreaterThan(20);
      expect(plot.paths).toBeGreaterThan(0);
      expect(plot.width).toBeGreaterThan(100);
    }
    await page.screenshot({ path: join(SCREENSHOTS, "report-card.png"), fullPage: true });
  });

  it("stays as built when no service answers", async () => {
    const page = await open("/example/llama-mini/");
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/api/reports/example/llama-mini")));
    const before = await page.getAttribute("[data-card]", "data-sha");
    await page.waitForTimeout(200);
    expect(await page.locator("[data-card-notice]").count()).toBe(0);
    expect(await page.getAttribute("[data-card]", "data-sha")).toBe(before);
    const home = await open("/");
    await home.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/api/leaderboard")));
    await home.waitForTimeout(200);
    expect(await modelColumn(home)).toHaveLength(latest.length);
  });

  it("sorts the layer table", async () => {
    const page = await open("/example/llama-mini/");
    const index = await page.$$eval("table[data-sortable] thead th", (ths) => ths.findIndex((th) => th.textContent?.trim() === "alpha"));
    await page.click(`table[data-sortable] thead th:nth-child(${index + 1}) button`);
    const values = await page.$$eval(
      "table[data-sortable] tbody tr",
      (rows, i) => rows.map((r) => Number(r.children[i].getAttribute("data-value"))),
      index,
    );
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it("offers badge snippets that copy to the clipboard", async () => {
    const page = await open("/example/llama-mini/");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url });
    const snippets = await page.$$eval("#badge pre", (pres) => pres.map((p) => p.textContent));
    expect(snippets[0]).toBe("[![heavytail α](https://heavytail.example/badge/example/llama-mini.svg)](https://heavytail.example/example/llama-mini/)");
    expect(snippets.some((s) => s?.startsWith("[![heavytail α](https://img.shields.io/endpoint?url="))).toBe(true);
    await page.click("#badge button[data-copy] >> nth=0");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippets[0]);
    const badge = await page.$eval("#badge img", (img) => ({ alt: img.getAttribute("alt"), loaded: (img as HTMLImageElement).naturalWidth > 0 }));
    expect(badge.alt).toMatch(/^heavytail α: \d\.\d\d /);
    expect(badge.loaded).toBe(true);
  });

  it("shows hostile strings as plain text", async () => {
    const local = latest.find((r) => r.model.id === HOSTILE.attribute)!;
    const page = await open("/");
    await page.locator("td.name a").filter({ hasText: "onerror" }).click();
    await page.waitForURL(/~local/);
    expect(await page.textContent("h1")).toBe(local.model.id);
    expect(await page.locator("[onerror], [onload]").count()).toBe(0);
    const text = await page.textContent("main");
    for (const s of Object.values(HOSTILE)) expect(text).toContain(revealInvisible(s));
  });

  it("fits a phone screen, and links every layer to its spectrum", async () => {
    const page = await open("/example/gpt2-like/", { width: 390, dark: true });
    expect(await overflowing(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await page.screenshot({ path: join(SCREENSHOTS, "report-card-phone-dark.png"), fullPage: true });
    const href = await page.getAttribute("table[data-sortable] tbody tr:first-child td.name a", "href");
    await page.goto(site.url + href!);
    const id = new URL(page.url()).hash.slice(1);
    expect(await page.locator(`#${id} figure.plot svg path`).count()).toBeGreaterThan(0);
  });
});
