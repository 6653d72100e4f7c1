import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { TREE } from "../helpers/fixture-report-specs.ts";
import { makeReport } from "../helpers/make-report.ts";
import { llamaLayout } from "../helpers/model-layouts.ts";
import { buildFixtureSite, FIXTURE_REPORTS } from "../site/build-fixture-site.ts";
import { startFakeService, type FakeService } from "./fake-service.ts";
import { useSiteBrowser } from "./use-site-browser.ts";

// The family view with models only the service knows (a service started after the build, as
// `npm start` runs it): their leaderboard rows name their bases, and the view draws them into the
// build's families, or into new ones, with the same renderer, controls and URL state.

const fixtures = readdirSync(FIXTURE_REPORTS)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(join(FIXTURE_REPORTS, f), "utf8")) as Report);
const sha = (c: string) => c.repeat(40);
const report = (id: string, c: string, seed: number, base?: [string, string]) =>
  makeReport({
    id,
    family: "tinylm",
    sha: sha(c),
    createdAt: "2026-04-01T00:00:00.000Z",
    seed,
    layers: llamaLayout(1, 64, 160, 1000),
    ...(base && { lineage: [{ id: base[0], relation: base[1], source: "card" as const }] }),
  });
/** a fine-tune of the build's base that only the service has analysed */
const lateChat = report("late/chat-v3", "a", 41, [TREE.base, "finetune"]);
/** a whole family only the service knows: a base, its quantized copy, and a merge whose card's relation carries markup */
const liveBase = report("live/base", "b", 42);
const liveQ4 = report("live/base-q4", "c", 43, ["live/base", "quantized"]);
const HOSTILE_RELATION = '"><img src=x onerror=alert(1)>';
const liveOdd = report("live/odd", "d", 44, ["live/base", HOSTILE_RELATION]);

let service: FakeService;
const site = useSiteBrowser(async () => {
  const built = await buildFixtureSite({}, ["--site", "https://heavytail.example"]);
  return (service = await startFakeService(built.dist, { reports: [...fixtures.filter((r) => r.model.source === "hub"), lateChat, liveBase, liveQ4, liveOdd] }));
});

const rowsOf = (page: Page, root: string) =>
  page.$$eval(`section[data-root="${root}"] tbody tr:not([hidden])`, (rows) =>
    rows.map((r) => ({ id: r.getAttribute("data-model"), relation: r.getAttribute("data-relation"), compare: r.querySelector("td:last-child a")?.getAttribute("href") ?? null })),
  );

describe("the family view, live", () => {
  it("draws the service's models into their families, ranked, and makes the families only the service knows", async () => {
    const page = await site.open("/lineage/");
    await page.waitForSelector('section[data-root="live/base"]');
    expect(service.requests).toContain("GET /api/leaderboard");
    const tree = await rowsOf(page, TREE.base);
    expect(tree[0]).toMatchObject({ id: TREE.base, relation: "base" });
    expect(tree).toHaveLength(6);
    expect(tree.find((r) => r.id === "late/chat-v3")).toEqual({ id: "late/chat-v3", relation: "finetune", compare: `/compare/?a=late%2Fchat-v3&b=${encodeURIComponent(TREE.base)}` });
    // the build's own direct descendants keep their static compare pages
    expect(tree.find((r) => r.id === TREE.chat)!.compare).toBe(`/compare/${TREE.chat}/vs/${TREE.base}/`);
    const norms = await page.$$eval(`section[data-root="${TREE.base}"] tbody tr:not([data-reference])`, (rows) => rows.map((r) => Number(r.children[3].getAttribute("data-value"))));
    expect(norms).toEqual([...norms].sort((a, b) => a - b));
    const live = await rowsOf(page, "live/base");
    expect(live[0]).toEqual({ id: "live/base", relation: "base", compare: null });
    expect(live.slice(1)).toEqual(
      expect.arrayContaining([
        { id: "live/base-q4", relation: "quantized", compare: "/compare/?a=live%2Fbase-q4&b=live%2Fbase" },
        { id: "live/odd", relation: HOSTILE_RELATION, compare: "/compare/?a=live%2Fodd&b=live%2Fbase" },
      ]),
    );
    // the card's relation is text
    expect(await page.locator("section[data-root] img").count()).toBe(0);
    expect(await page.textContent('tr[data-model="live/odd"] td:nth-child(3)')).toBe(HOSTILE_RELATION);
    expect(await page.textContent("[data-count]")).toBe("7 of 7 descendants");
    expect(await page.$$eval("select[name=base] option", (options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(["", TREE.base, "live/base"]);
  });

  it("keeps the controls and the URL state over the models it adds", async () => {
    const page = await site.open("/lineage/?relation=quantized&base=live/base");
    await page.waitForSelector('section[data-root="live/base"]:not([hidden])');
    expect(await page.inputValue("select[name=base]")).toBe("live/base");
    expect(await page.isVisible(`section[data-root="${TREE.base}"]`)).toBe(false);
    expect((await rowsOf(page, "live/base")).map((r) => r.id)).toEqual(["live/base", "live/base-q4"]);
    await page.selectOption("select[name=base]", "");
    await page.selectOption("select[name=relation]", "finetune");
    expect((await rowsOf(page, TREE.base)).map((r) => r.id)).toContain("late/chat-v3");
    expect(await page.isVisible('section[data-root="live/base"]')).toBe(false);
    expect(new URL(page.url()).search).toBe("?relation=finetune");
  });
});
