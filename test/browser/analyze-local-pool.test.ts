import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page, Worker } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type Report, validateReport } from "#shared/report";
import { tinyLlama, tinySafetensors } from "../helpers/tiny-llama.ts";
import { buildFixtureSite, REPO } from "../site/build-fixture-site.ts";
import { serveStatic } from "./serve-static.ts";
import { useSiteBrowser } from "./use-site-browser.ts";

// The local analysis on a pool of Web Workers (site/src/scripts/analyze-local/create-browser-layer-pool.ts):
// `?workers=N` sets the pool's size; the report must not depend on it.

const MODEL = join(REPO, "test", "fixtures", "ppocrv4_rec", "model.safetensors");
const site = useSiteBrowser(async () => serveStatic((await buildFixtureSite()).dist));

/** The page with `?workers=N` (none: the default), every status line it shows kept in window.statuses. */
async function open(workers?: number): Promise<Page> {
  const page = await site.open(`/analyze-local/${workers === undefined ? "" : `?workers=${workers}`}`);
  await page.evaluate(() => {
    const status = document.querySelector("[data-local-status]")!;
    const seen: string[] = ((window as unknown as { statuses: string[] }).statuses = []);
    new MutationObserver(() => seen.push(status.textContent ?? "")).observe(status, { childList: true, characterData: true, subtree: true });
  });
  return page;
}

/** Picks `files` on the CPU (randomized with `seed` when given), waits for the report and returns it as downloaded, with the analysis' wall time. */
async function analyse(page: Page, files: string[], seed?: number): Promise<{ report: Report; seconds: number }> {
  await page.selectOption("select[name=engine]", "cpu");
  await page.setChecked("input[name=randomize]", seed !== undefined);
  if (seed !== undefined) await page.fill("input[name=seed]", String(seed));
  const started = Date.now();
  await page.setInputFiles("input[data-local-files]", files);
  await page.waitForFunction(() => ["done", "error"].includes(document.querySelector<HTMLElement>("[data-local-analysis]")!.dataset.state ?? ""), null, { timeout: 280_000 });
  const seconds = (Date.now() - started) / 1000;
  const status = (await page.textContent("[data-local-status]")) ?? "";
  expect(await page.getAttribute("[data-local-analysis]", "data-state"), status).toBe("done");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-local-download]")]);
  const report = JSON.parse(readFileSync((await download.path())!, "utf8")) as Report;
  expect(validateReport(report)).toMatchObject({ ok: true });
  return { report, seconds };
}

/**
 * Every worker the page starts from now on, each with whether it has ended. A layer worker has ended
 * when Chromium reports it closed. An analysis worker has ended when it is reported closed or no
 * longer runs code: under load, Chromium sometimes keeps the target of an analysis worker whose
 * layer workers it has ended until the page closes, a target that answers nothing and uses no CPU.
 * (A layer worker busy with a Gram answers nothing either, so for it only the close counts.)
 */
function trackWorkers(page: Page): { started: () => number; allEnded: () => Promise<boolean> } {
  const workers: Worker[] = [];
  const closed = new Set<Worker>();
  page.on("worker", (worker) => {
    workers.push(worker);
    worker.on("close", () => closed.add(worker));
  });
  const runsCode = (worker: Worker) =>
    Promise.race([worker.evaluate(() => true).catch(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000))]);
  const ended = async (worker: Worker) => closed.has(worker) || (/analysis-worker/.test(worker.url()) && !(await runsCode(worker)));
  return { started: () => workers.length, allEnded: async () => (await Promise.all(workers.map(ended))).every(Boolean) };
}

const withoutDate = (report: Report) => JSON.stringify({ ...report, created_at: null });
const statuses = (page: Page) => page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);

describe("the local analysis on a pool of Web Workers", () => {
  it("gives the same report with 1 worker and with 3, and says how many layers run at once", async () => {
    const one = await open(1);
    expect(await one.getAttribute("[data-local-analysis]", "data-pool-size")).toBe("1");
    const alone = await analyse(one, [MODEL]);
    expect(alone.report.layers).toHaveLength(41);
    expect((await statuses(one)).filter((s) => / and \d+ more$/.test(s))).toEqual([]);

    const three = await open(3);
    expect(await three.getAttribute("[data-local-analysis]", "data-pool-size")).toBe("3");
    const workers = trackWorkers(three);
    const pooled = await analyse(three, [MODEL]);
    expect(withoutDate(pooled.report)).toBe(withoutDate(alone.report));
    // the analysis worker and its three layer workers, all ended once the report is in
    expect(workers.started()).toBe(4);
    // a worker ends when the browser gets to it: on a loaded machine that takes more than the poll's default second
    await expect.poll(workers.allEnded, { timeout: 15_000 }).toBe(true);
    // the layers really ran side by side: the earliest one and two more
    expect((await statuses(three)).some((s) => / · now \S+ and 2 more$/.test(s))).toBe(true);
    console.log(`ppocrv4_rec on the CPU: 1 worker ${alone.seconds.toFixed(1)} s, 3 workers ${pooled.seconds.toFixed(1)} s`);
  }, 600_000);

  it("gives the same randomized report at any size, the default one per core, and starts again cleanly when a new file is chosen mid-run", async () => {
    const folder = mkdtempSync(join(tmpdir(), "heavytail-local-pool-"));
    const tiny = join(folder, "tiny.safetensors");
    writeFileSync(tiny, tinySafetensors(tinyLlama({ hidden: 96, intermediate: 256, vocab: 200, layers: 2, seed: 4 })));
    // the analysis to stop: randomized on 3 workers it would run on for longer than the check below waits
    const long = join(folder, "long.safetensors");
    writeFileSync(long, tinySafetensors(tinyLlama({ hidden: 1024, intermediate: 2816, vocab: 256, layers: 3, seed: 5 })));

    const one = await open(1);
    const alone = await analyse(one, [tiny], 7);
    expect(alone.report.method).toMatchObject({ randomize: true, seed: 7 });

    const page = await open();
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(await page.getAttribute("[data-local-analysis]", "data-pool-size")).toBe(String(Math.max(1, Math.min(8, cores))));
    expect(withoutDate((await analyse(page, [tiny], 7)).report)).toBe(withoutDate(alone.report));

    // cancel: a new choice while a model is analysed on 3 workers stops it (and its workers); the new one is the same report
    const three = await open(3);
    const workers = trackWorkers(three);
    await three.selectOption("select[name=engine]", "cpu");
    await three.setChecked("input[name=randomize]", true);
    await three.setInputFiles("input[data-local-files]", [long]);
    await three.waitForFunction(() => / and \d+ more$/.test(document.querySelector("[data-local-status]")!.textContent ?? ""), null, { timeout: 120_000 });
    const again = await analyse(three, [tiny], 7);
    expect(withoutDate(again.report)).toBe(withoutDate(alone.report));
    // nothing of the stopped analysis keeps running: every worker has ended, its status never comes back
    expect(workers.started()).toBe(8);
    await expect.poll(workers.allEnded, { timeout: 15_000 }).toBe(true);
    await three.waitForTimeout(1000);
    expect(await three.textContent("[data-local-status]")).toMatch(/^Done in /);
  }, 600_000);
});
