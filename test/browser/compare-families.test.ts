import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { TREE } from "../helpers/fixture-report-specs.ts";
import { buildFixtureSite, FIXTURE_REPORTS, REPO } from "../site/build-fixture-site.ts";
import { startFakeService, type FakeService } from "./fake-service.ts";
import { useSiteBrowser } from "./use-site-browser.ts";

// The model tree's pages: the family view (/lineage/), the compare pages (static for a model and
// its base, live for any pair through the service's API) and the card's compare picker.
const SCREENSHOTS = join(REPO, "test-results", "screenshots");

const fixtures = readdirSync(FIXTURE_REPORTS)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(join(FIXTURE_REPORTS, f), "utf8")) as Report);
/** each tree model's own report (not the delta analysis) */
const plain = (id: string) => fixtures.find((r) => r.model.id === id && !r.method.base)!;
const delta = fixtures.find((r) => r.method.base)!;
const descendants = [TREE.chat, TREE.code, TREE.lora, TREE.q4].map(plain);
const norm = (r: Report) => r.summary.reference.log_alpha_norm!;

let service: FakeService;
const site = useSiteBrowser(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const built = await buildFixtureSite({}, ["--site", "https://heavytail.example"]);
  // the service's API answers the live compare page; the static pages are served beside it
  return (service = await startFakeService(built.dist, { reports: fixtures.filter((r) => r.model.source === "hub") }));
});
const open = site.open;

/** Elements that reach past the right edge of the window (a phone layout must have none). */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest(".table-wrap, figure.plot.wide"))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px`),
  );

const familyRows = (page: Page) =>
  page.$$eval(`section[data-root="${TREE.base}"] tbody tr:not([hidden])`, (rows) =>
    rows.map((r) => ({ id: r.getAttribute("data-model"), relation: r.getAttribute("data-relation"), rank: r.children[0].textContent, cells: [...r.children].map((c) => c.getAttribute("data-value")) })),
  );
const column = (page: Page, key: string) => page.$$eval(`section[data-root="${TREE.base}"] thead th`, (ths, k) => ths.findIndex((th) => th.getAttribute("data-key") === k), key);

describe("the family view", () => {
  it("ranks every descendant of the base by log α-norm, the base on top as the reference, with Δ against it", async () => {
    const page = await open("/");
    await page.click('nav.view-switch a[href="/lineage/"]');
    await page.waitForURL(/\/lineage\/$/);
    expect(await page.locator("section[data-root]").count()).toBe(1);
    const rows = await familyRows(page);
    const ranked = [...descendants].sort((a, b) => norm(a) - norm(b));
    expect(rows.map((r) => r.id)).toEqual([TREE.base, ...ranked.map((r) => r.model.id)]);
    expect(rows[0].relation).toBe("base");
    expect(rows.slice(1).map((r) => r.rank)).toEqual(["1", "2", "3", "4"]);
    const delta = await column(page, "delta_log_alpha_norm");
    for (const [i, r] of ranked.entries()) expect(Number(rows[i + 1].cells[delta])).toBeCloseTo(norm(r) - norm(plain(TREE.base)), 9);
    expect(await page.textContent("[data-count]")).toBe("4 of 4 descendants");
    await page.screenshot({ path: join(SCREENSHOTS, "lineage.png"), fullPage: true });
  });

  it("sorts by a column, keeping the base on top, and keeps the sort in the URL", async () => {
    const page = await open("/lineage/");
    const index = await column(page, "delta_alpha");
    await page.click('th[data-key="delta_alpha"] button');
    const rows = await familyRows(page);
    expect(rows[0].id).toBe(TREE.base);
    const values = rows.slice(1).map((r) => Number(r.cells[index]));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(new URL(page.url()).searchParams.get("sort")).toBe("delta_alpha");
    await page.click('th[data-key="delta_alpha"] button');
    const down = (await familyRows(page)).slice(1).map((r) => Number(r.cells[index]));
    expect(down).toEqual([...values].reverse());
    expect(new URL(page.url()).searchParams.get("dir")).toBe("desc");
  });

  it("filters by relation, and a reload restores the view from the URL", async () => {
    const page = await open("/lineage/");
    await page.selectOption("select[name=relation]", "finetune");
    const finetunes = descendants.filter((r) => r.model.lineage!.base_models[0].relation === "finetune").sort((a, b) => norm(a) - norm(b));
    const ids = async () => (await familyRows(page)).map((r) => r.id);
    expect(await ids()).toEqual([TREE.base, ...finetunes.map((r) => r.model.id)]);
    expect(page.url()).toContain("relation=finetune");
    await page.selectOption("select[name=base]", TREE.base);
    await page.click('th[data-key="alpha"] button');
    const before = await ids();
    await page.reload();
    expect(await page.inputValue("select[name=relation]")).toBe("finetune");
    expect(await page.inputValue("select[name=base]")).toBe(TREE.base);
    expect(await page.getAttribute('th[data-key="alpha"]', "aria-sort")).toBe("ascending");
    expect(await ids()).toEqual(before);
    for (const relation of ["adapter", "quantized"]) {
      await page.selectOption("select[name=relation]", relation);
      expect(await ids()).toEqual([TREE.base, relation === "adapter" ? TREE.lora : TREE.q4]);
    }
    await page.selectOption("select[name=relation]", "merge");
    expect(await page.isVisible("[data-empty]")).toBe(true);
    await page.click("button[data-reset] >> nth=0");
    expect(new URL(page.url()).search).toBe("");
    expect(await ids()).toHaveLength(5);
  });

  it("fits a phone screen", async () => {
    const page = await open("/lineage/?relation=finetune", { width: 390, dark: true });
    expect(await overflowing(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await page.screenshot({ path: join(SCREENSHOTS, "lineage-phone-dark.png"), fullPage: true });
  });
});

describe("the compare page", () => {
  const path = `/compare/${TREE.chat}/vs/${TREE.base}/`;

  it("shows both summaries, α and log α-norm overlaid against depth, the layers that moved most and the delta spectra", async () => {
    const page = await open(path);
    const heads = await page.$$eval("[data-compare-summary] .compare-id", (as) => as.map((a) => a.textContent));
    expect(heads).toEqual([TREE.chat, TREE.base]);
    const plots = await page.$$eval("figure[data-overlay] svg", (svgs) =>
      svgs.map((svg) => ({
        a: svg.querySelector<SVGPathElement>("path.series-a")?.getBBox().width ?? 0,
        b: svg.querySelector<SVGPathElement>("path.series-b")?.getBBox().width ?? 0,
        desc: svg.querySelector("desc")?.textContent ?? "",
      })),
    );
    expect(plots).toHaveLength(2);
    for (const p of plots) {
      expect(p.a).toBeGreaterThan(100);
      expect(p.b).toBeGreaterThan(100);
      expect(p.desc).toContain(TREE.chat);
    }
    const chat = plain(TREE.chat);
    const base = plain(TREE.base);
    const moved = chat.layers
      .map((l) => ({ name: l.name, d: Math.abs(l.alpha! - base.layers.find((b) => b.name === l.name)!.alpha!) }))
      .sort((x, y) => y.d - x.d);
    const listed = await page.$$eval("[data-moved-most] li", (lis) => lis.map((li) => li.getAttribute("data-layer")));
    expect(listed).toEqual(moved.slice(0, 10).map((m) => m.name));
    expect(await page.locator("[data-delta-spectra] figure.plot svg path").count()).toBeGreaterThan(delta.layers.length);
    await page.screenshot({ path: join(SCREENSHOTS, "compare.png"), fullPage: true });
  });

  it("fits a phone screen", async () => {
    const page = await open(path, { width: 390 });
    expect(await overflowing(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
  });

  it("compares any other pair live, from the service's reports", async () => {
    const page = await open(`/compare/?a=${encodeURIComponent(TREE.code)}&b=${encodeURIComponent(TREE.q4)}`);
    await page.waitForSelector("[data-compare-root][data-state=compare]");
    expect(await page.$$eval("[data-compare-summary] .compare-id", (as) => as.map((a) => a.textContent))).toEqual([TREE.code, TREE.q4]);
    expect(await page.locator("figure[data-overlay] path.series-b").count()).toBe(2);
    expect(await page.locator("[data-moved-most] li").count()).toBe(10);
    expect(service.requests).toContain(`GET /api/reports/${TREE.q4}`);
  });

  it("says which model has no report, as text", async () => {
    const page = await open(`/compare/?a=${encodeURIComponent(TREE.code)}&b=nobody%2Fnothing`);
    await page.waitForSelector("[data-compare-root][data-state=error]");
    expect(await page.textContent("[data-compare-error]")).toContain("nobody/nothing has not been analysed yet");
  });
});

describe("the card's compare picker", () => {
  it("goes to the static page for the model's base, and to the live page for any other model", async () => {
    const page = await open(`/${TREE.chat}/`);
    const suggested = await page.$$eval("[data-compare-picker] a[data-compare-with]", (as) => as.map((a) => a.getAttribute("data-compare-with")));
    expect(suggested[0]).toBe(TREE.base);
    await page.fill("[data-compare-picker] input[name=b]", TREE.base);
    await page.click("[data-compare-picker] button[type=submit]");
    await page.waitForURL((url) => url.pathname === `/compare/${TREE.chat}/vs/${TREE.base}/`);
    expect(await page.locator("[data-compare-summary]").count()).toBe(1);

    await page.goBack();
    await page.waitForURL((url) => url.pathname === `/${TREE.chat}/`);
    await page.fill("[data-compare-picker] input[name=b]", TREE.q4);
    await page.click("[data-compare-picker] button[type=submit]");
    await page.waitForURL((url) => url.pathname === "/compare/" && url.searchParams.get("b") === TREE.q4);
    await page.waitForSelector("[data-compare-root][data-state=compare]");
    expect(await page.$$eval("[data-compare-summary] .compare-id", (as) => as.map((a) => a.textContent))).toEqual([TREE.chat, TREE.q4]);
  });
});
