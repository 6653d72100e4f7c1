import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { pageSecurityHeaders } from "#shared/web";
import { revealInvisible } from "../../site/src/lib/reveal-invisible.ts";
import { HOSTILE } from "../helpers/fixture-report-specs.ts";
import { makeReport } from "../helpers/make-report.ts";
import { llamaLayout } from "../helpers/model-layouts.ts";
import { buildFixtureSite, FIXTURE_REPORTS, REPO } from "../site/build-fixture-site.ts";
import { startFakeService, type FakeService } from "./fake-service.ts";
import { useSiteBrowser } from "./use-site-browser.ts";

// The live card, the static cards' freshness check and the leaderboard's hydration, against the
// built site and a stand-in for the service's API (fake-service.ts).

const SCREENSHOTS = join(REPO, "test-results", "screenshots");
const sha = (c: string) => c.repeat(40);
const fixtures = readdirSync(FIXTURE_REPORTS)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(join(FIXTURE_REPORTS, f), "utf8")) as Report);
const fixture = (id: string) => fixtures.filter((r) => r.model.id === id).sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))[0];

/** gpt2-like analysed again after the build: its static card and leaderboard row must show this one */
const gpt2Again: Report = { ...fixture("example/gpt2-like"), created_at: "2026-03-01T00:00:00.000Z", model: { ...fixture("example/gpt2-like").model, sha: sha("e") } };
/** a llama only the service knows, ranked first in its family */
const apiOnly = makeReport({ id: "api-only/llama-tiny", family: "llama", sha: sha("a"), createdAt: "2026-03-02T00:00:00.000Z", seed: 7, layers: llamaLayout(1, 64, 160, 1000) });
const llamaRank = (r: Report) => r.summary.reference.log_alpha_norm ?? Infinity;
apiOnly.summary.reference.log_alpha_norm = Math.min(...fixtures.filter((r) => r.model.family === "llama").map(llamaRank)) - 1;
/** a model analysed while the page watches */
const fresh = makeReport({ id: "fresh/model", family: "gpt2", sha: sha("f"), createdAt: "2026-03-03T00:00:00.000Z", seed: 8, layers: llamaLayout(2, 64, 160, 1000) });
/** hostile strings in a Hub report the site never built */
const hostileLocal = fixtures.find((r) => r.model.id === HOSTILE.attribute)!;
const hostile: Report = { ...hostileLocal, model: { ...hostileLocal.model, id: "hostile/live-model", source: "hub", sha: sha("b"), revision: `main${HOSTILE.rtl}` } };

/** a fine-tune of gpt2-like only the service knows, compared with its base */
const tuned = makeReport({
  id: "tuned/gpt2-chat",
  family: "gpt2",
  sha: sha("c"),
  createdAt: "2026-03-04T00:00:00.000Z",
  seed: 9,
  layers: llamaLayout(1, 64, 160, 1000),
  lineage: [{ id: "example/gpt2-like", relation: "finetune", source: "card" }],
});
/** a fine-tune whose base is gated, the service's reason carrying markup */
const tunedGated = makeReport({
  id: "tuned/gated-child",
  family: "gpt2",
  sha: sha("d"),
  createdAt: "2026-03-04T00:00:00.000Z",
  seed: 10,
  layers: llamaLayout(1, 64, 160, 1000),
  lineage: [{ id: "gated/base", relation: "finetune", source: "card" }],
});
const comparison = (model: Report, state: string, base: string, rest: object) => ({ state, id: model.model.id, sha: model.model.sha, base: { id: base, revision: "main", sha: null }, key: null, message: null, report_url: null, updated_at: "t", ...rest });
const comparisons = {
  [`tuned/gpt2-chat@${sha("c")}`]: comparison(tuned, "done", "example/gpt2-like", {
    base: { id: "example/gpt2-like", revision: "main", sha: sha("9") },
    report_url: `/api/reports/tuned/gpt2-chat@${sha("c")}/delta/example/gpt2-like@${sha("9")}`,
  }),
  [`tuned/gated-child@${sha("d")}`]: comparison(tunedGated, "base_gated", '<img src=x onerror="window.pwned=1">', {}),
};

let service: FakeService;
const site = useSiteBrowser(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const built = await buildFixtureSite({}, ["--site", "https://heavytail.example"]);
  return (service = await startFakeService(built.dist, {
    reports: [...fixtures, gpt2Again, apiOnly, hostile, tuned, tunedGated],
    comparisons,
    jobs: { "fresh/model": { report: fresh, steps: [0, 3, 6], stepMs: 500 } },
  }));
});
const open = (path: string, width = 1280) => site.open(path, { width });

/** What makes up a rendered card: its headings, ids, plots, layer rows and badge snippets. */
const anatomy = (page: Page) =>
  page.$eval("[data-card]", (card) => ({
    headings: [...card.querySelectorAll("h2, h3")].map((h) => h.textContent),
    ids: [...card.querySelectorAll("[id]")].map((e) => e.id).sort(),
    plots: card.querySelectorAll("figure.plot svg").length,
    esdPlots: [...card.querySelectorAll("figure.plot svg title")].filter((t) => t.textContent?.startsWith("ESD of")).length,
    layerRows: card.querySelectorAll("table[data-sortable] tbody tr").length,
    snippets: [...card.querySelectorAll("#badge pre")].map((p) => p.textContent),
    summary: card.querySelector("[data-summary]")!.outerHTML,
    warnings: card.querySelector("[aria-labelledby=warnings-title]")!.textContent,
  }));

const noOverflow = async (page: Page, width: number) => {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest(".table-wrap, figure.plot.wide"))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );
  expect(wide).toEqual([]);
};

describe("the live card", () => {
  it("is the static card of the same report: same sections, plots, layer rows and badge snippets", async () => {
    const staticPage = await open("/example/llama-mini/");
    await staticPage.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.includes("/api/reports/")));
    const live = await open("/example/llama-mini/?live");
    await live.waitForSelector("[data-live-root][data-state=card]");
    const [a, b] = [await anatomy(staticPage), await anatomy(live)];
    // the static card's links carry the build's --site and its /{slug}/ pages; the live card's the page's origin and /{id}
    const asBuilt = (snippet: string | null) => snippet
        ?.replaceAll(service.url, "https://heavytail.example")
        .replaceAll(encodeURIComponent(service.url), encodeURIComponent("https://heavytail.example")).replaceAll("/example/llama-mini)", "/example/llama-mini/)").replaceAll('/example/llama-mini"', '/example/llama-mini/"');
    expect({ ...b, snippets: b.snippets.map(asBuilt) }).toEqual(a);
    expect(a.esdPlots).toBeGreaterThanOrEqual(2);
    expect(a.layerRows).toBe(fixture("example/llama-mini").layers.length);
    expect(await live.title()).toBe(await staticPage.title());
    expect(await live.getAttribute('meta[name="description"]', "content")).toBe(await staticPage.getAttribute('meta[name="description"]', "content"));
    // the static card asked whether it is still the latest, was told so (304), and stayed as built
    expect(service.requests).toContain("GET /api/reports/example/llama-mini");
    expect(await staticPage.locator("[data-card-notice]").count()).toBe(0);
    // the live card's scripts work: sorting and copying
    const index = await live.$$eval("table[data-sortable] thead th", (ths) => ths.findIndex((th) => th.textContent?.trim() === "alpha"));
    await live.click(`table[data-sortable] thead th:nth-child(${index + 1}) button`);
    const alphas = await live.$$eval("table[data-sortable] tbody tr", (rows, i) => rows.map((r) => Number(r.children[i].getAttribute("data-value"))), index);
    expect(alphas).toEqual([...alphas].sort((x, y) => x - y));
    await live.screenshot({ path: join(SCREENSHOTS, "live-card.png"), fullPage: true });
  });

  it("starts nothing when opened: a model without a report, or a branch, waits for its button", async () => {
    for (const [path, button] of [["/fresh/model", "Analyse fresh/model"], ["/example/llama-mini/tree/v0.1", "Look up / analyse example/llama-mini at v0.1"]]) {
      const before = service.requests.length;
      const page = await open(path);
      await page.waitForSelector("[data-live-root][data-state=not-analysed]");
      await page.waitForLoadState("networkidle");
      expect(await page.textContent("[data-live-start-button]"), path).toBe(button);
      expect(await page.isVisible("[data-live-progress]"), path).toBe(false);
      expect(service.requests.slice(before).filter((r) => r.startsWith("POST")), path).toEqual([]);
    }
    // the branch's button asks the trigger to resolve it, and shows the report it answers with
    const page = await open("/example/llama-mini/tree/v0.1");
    await page.waitForSelector("[data-live-root][data-state=not-analysed]");
    const posted = page.waitForRequest((r) => r.method() === "POST");
    await page.click("[data-live-start-button]");
    expect((await posted).postDataJSON()).toEqual({ model: "example/llama-mini", revision: "v0.1" });
    await page.waitForSelector("[data-live-root][data-state=card]");
    expect(await page.isVisible("[data-live-start]")).toBe(false);
  });

  it("shows a model without a report analysing once asked, with progress, then its card without a reload", async () => {
    const page = await open("/fresh/model");
    expect(await page.textContent("[data-live-title]")).toBe("fresh/model");
    await page.evaluate(() => ((window as unknown as { beforeCard: boolean }).beforeCard = true));
    await page.click("[data-live-start-button]");
    await page.waitForFunction(() => /\d+ of \d+ layers · [\d.]+ KiB of [\d.]+ KiB read/.test(document.querySelector("[data-live-status]")?.textContent ?? ""));
    expect(await page.isVisible("[data-live-progress] progress")).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "live-card-progress.png") });
    await page.waitForSelector("[data-live-root][data-state=card]", { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { beforeCard?: boolean }).beforeCard)).toBe(true);
    expect(await page.textContent("[data-card] h1")).toBe("fresh/model");
    expect(await page.isVisible("[data-live-progress]")).toBe(false);
    expect(await page.locator("table[data-sortable] tbody tr").count()).toBe(fresh.layers.length);
    expect(await page.title()).toBe("fresh/model · heavytail report card");
    expect(service.requests).toContain("POST /api/analyze");
    expect(service.requests.some((r) => r.startsWith(`GET /api/jobs/fresh/model@${sha("f")}`))).toBe(true);
  });

  it("says on a fine-tune's card what became of its comparison with its base, escaped", async () => {
    const page = await open("/tuned/gpt2-chat");
    await page.waitForSelector("[data-base-comparison][data-state=done]");
    const slot = page.locator("[data-base-comparison]");
    expect(await slot.textContent()).toBe("Compared with its base example/gpt2-like (commit 999999999999): see what fine-tuning changed, layer by layer, or the delta report.");
    expect(await slot.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual([
      "/example/gpt2-like/",
      "/compare/?a=tuned%2Fgpt2-chat&b=example%2Fgpt2-like",
      `/api/reports/tuned/gpt2-chat@${sha("c")}/delta/example/gpt2-like@${sha("9")}`,
    ]);
    expect(service.requests).toContain(`GET /api/comparisons/tuned/gpt2-chat@${sha("c")}`);
    const gated = await open("/tuned/gated-child");
    await gated.waitForSelector("[data-base-comparison][data-state=base_gated]");
    expect(await gated.textContent("[data-base-comparison]")).toMatch(/^Its card names <img src=x onerror="window.pwned=1"> as its base, which is gated on the Hub/);
    expect(await gated.locator("[data-base-comparison] img").count()).toBe(0);
    expect(await gated.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    // a card whose model names no fine-tune base has no such line, and asks nothing
    const plain = await open("/api-only/llama-tiny");
    await plain.waitForSelector("[data-live-root][data-state=card]");
    expect(await plain.locator("[data-base-comparison]").count()).toBe(0);
    expect(service.requests).not.toContain("GET /api/comparisons/api-only/llama-tiny@" + sha("a"));
  });

  it("shows a pinned report and its spectra page", async () => {
    const old = fixtures.find((r) => r.model.id === "example/llama-mini" && r.model.revision === "v0.1")!;
    const page = await open(`/example/llama-mini/@${old.model.sha}/spectra/?live`);
    await page.waitForSelector("[data-live-root][data-state=card]");
    expect(await page.textContent("[data-live-card] h1")).toBe("Spectra of example/llama-mini");
    expect(await page.title()).toBe("Spectra of example/llama-mini · heavytail");
    for (const layer of old.layers) expect(await page.locator(`#layer-${layer.layer_id} figure.plot svg`).count()).toBe(1);
  });

  it("shows hostile strings as plain text", async () => {
    const page = await open("/hostile/live-model");
    await page.waitForSelector("[data-live-root][data-state=card]");
    expect(await page.locator("[onerror], [onload], script:not([type=module]):not([src])").count()).toBe(0);
    const text = (await page.textContent("main")) ?? "";
    for (const s of Object.values(HOSTILE)) expect(text).toContain(revealInvisible(s));
    expect(text).not.toMatch(/[\u200B-\u200F\u202A-\u202E]/);
  });

  it("says what is wrong with an address or an answer, in the API's words", async () => {
    const bad = await open("/org/name/extra/path");
    await bad.waitForSelector("[data-live-root][data-state=error]");
    expect(await bad.textContent("[data-live-error]")).toBe("This address does not name a model: it has more path segments than org/name; expected /org/name, /name, /org/name/tree/<revision>, /org/name/blob/<revision>/<file> or /org/name/@<commit sha>/.");
    const missing = await open("/nobody/nothing");
    await missing.click("[data-live-start-button]");
    await missing.waitForSelector("[data-live-root][data-state=error]");
    expect(await missing.textContent("[data-live-error]")).toBe("nobody/nothing is not a model on the Hub");
  });

  it("fits a phone screen: its offer to analyse, a card analysed on it, hostile strings", async () => {
    const offer = await open("/example/llama-mini/tree/v0.1", 390);
    await offer.waitForSelector("[data-live-root][data-state=not-analysed]");
    await noOverflow(offer, 390);
    await offer.screenshot({ path: join(SCREENSHOTS, "live-card-offer-phone.png"), fullPage: true });
    for (const [path, shot] of [["/fresh/model", "live-card-phone.png"], ["/hostile/live-model", "live-card-hostile-phone.png"]]) {
      const page = await open(path, 390);
      await page.waitForSelector("[data-live-root][data-state=card]", { timeout: 30_000 });
      await noOverflow(page, 390);
      await page.screenshot({ path: join(SCREENSHOTS, shot), fullPage: true });
    }
  });
});

describe("a static card", () => {
  it("renders the service's newer report in its place, saying so", async () => {
    const page = await open("/example/gpt2-like/");
    await page.waitForSelector("[data-card-notice]");
    expect(await page.textContent("[data-card-notice]")).toMatch(/^Updated since this page was built: the service has a newer analysis \(commit eeeeeeeeeeee, 2026-03-01\)/);
    expect(await page.getAttribute("[data-card]", "data-sha")).toBe(sha("e"));
    expect(await page.getAttribute("[data-card] a[href$='report.json'], [data-card] a[href*='/api/reports/']", "href")).toBe(`/api/reports/example/gpt2-like@${sha("e")}`);
    expect(await page.locator("#provenance-title + dl a.mono").allTextContents()).toEqual(["eeeeeeeeeeee", fixture("example/gpt2-like").model.sha!.slice(0, 12)]);
    // the new card's scripts are wired too
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: service.url });
    await page.click("#badge button[data-copy] >> nth=0");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("/badge/example/gpt2-like.svg");
  });

  it("fits a phone screen: the card with 73 skipped tensors", async () => {
    const page = await open("/~local/ppocrv4_rec/", 390);
    await noOverflow(page, 390);
    await page.screenshot({ path: join(SCREENSHOTS, "card-skipped-phone.png"), fullPage: true });
  });
});

describe("the leaderboard", () => {
  const ranks = (page: Page) =>
    page.$$eval("table[data-leaderboard] tbody tr[data-model]", (rows) => rows.map((r) => [r.getAttribute("data-model"), r.children[0].textContent]));

  it("adds the models only the service knows, ranked within their family, linking to their live card", async () => {
    const page = await open("/");
    await page.waitForSelector('tr[data-model="api-only/llama-tiny"]');
    expect(service.requests).toEqual(expect.arrayContaining(["GET /api/leaderboard", "GET /api/leaderboard?cursor=page-2"]));
    expect(await page.getAttribute('tr[data-model="api-only/llama-tiny"] td.name a', "href")).toBe("/api-only/llama-tiny");
    const sections = await page.$$eval("table[data-leaderboard] tbody", (bodies) =>
      bodies.map((b) => ({ family: b.querySelector(".group-label")?.textContent, models: [...b.querySelectorAll("tr[data-model]")].map((r) => [r.getAttribute("data-model"), r.children[0].textContent]) })),
    );
    const llama = sections.find((s) => s.family === "llama")!;
    expect(llama.models[0]).toEqual(["api-only/llama-tiny", "1"]);
    expect(llama.models.map(([, rank]) => rank)).toEqual(llama.models.map((_, i) => String(i + 1)));
    expect(sections[0].models.length).toBeGreaterThanOrEqual(sections[1].models.length);
    expect(await page.textContent('tr[data-model="example/gpt2-like"] time')).toBe("2026-03-01");
    await page.screenshot({ path: join(SCREENSHOTS, "leaderboard-hydrated.png"), fullPage: true });
  });

  it("renumbers # under a filter in the single ranking", async () => {
    const page = await open("/?group=all");
    await page.waitForSelector('tr[data-model="api-only/llama-tiny"]');
    const all = await ranks(page);
    expect(all.map(([, r]) => r)).toEqual(all.map((_, i) => String(i + 1)));
    expect(await page.locator("tr.group-row").count()).toBe(0);
    await page.selectOption("select[name=family]", "llama");
    const llamas = await ranks(page);
    expect(llamas[0]).toEqual(["api-only/llama-tiny", "1"]);
    expect(llamas.map(([, r]) => r)).toEqual(llamas.map((_, i) => String(i + 1)));
    expect(await page.textContent("[data-count]")).toBe(`${llamas.length} of ${all.length} models`);
    expect(new URL(page.url()).search).toBe("?family=llama&group=all");
  });
});

describe("the pages under their Content-Security-Policy", () => {
  const policy = pageSecurityHeaders()["Content-Security-Policy"];

  it("all work with nothing refused: the leaderboard, cards, spectra, live cards, the other pages", async () => {
    const old = fixtures.find((r) => r.model.id === "example/llama-mini" && r.model.revision === "v0.1")!;
    const ready: [string, string][] = [
      ["/", 'tr[data-model="api-only/llama-tiny"]'],
      ["/example/gpt2-like/", "[data-card-notice]"],
      [`/example/llama-mini/@${old.model.sha}/spectra/`, "figure.plot svg"],
      ["/hostile/live-model", "[data-live-root][data-state=card]"],
      ["/nobody/nothing", "[data-live-root][data-state=not-analysed]"],
      ["/trends/", "main h1"],
      ["/method/", "main h1"],
      ["/analyze-local/", "[data-local-form]"],
    ];
    for (const [path, selector] of ready) {
      const page = await open(path);
      await page.waitForSelector(selector);
      await page.waitForLoadState("networkidle");
      const headers = (await page.request.get(service.url + path)).headers();
      expect(headers["content-security-policy"], path).toBe(policy);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
    }
  });

  it("is in force: a script slipped into a page is refused", async () => {
    // a context of its own: the refusal is expected here, and would be trouble in open()
    const context = await site.newContext();
    const page = await context.newPage();
    await page.goto(`${service.url}/example/llama-mini/`);
    const refused = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener("securitypolicyviolation", (e) => resolve(e.effectiveDirective));
          const script = document.createElement("script");
          script.textContent = "window.ran = true";
          document.body.append(script);
        }),
    );
    expect(refused).toBe("script-src-elem");
    expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).toBeUndefined();
  });
});
