import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openLocalModel } from "../../cli/open-local-model.ts";
import { analyzeModel } from "#shared/analyze";
import { type Report, validateReport } from "#shared/report";
import { tinyLlama, tinySafetensors } from "../helpers/tiny-llama.ts";
import { writeDiffusersPipeline } from "../helpers/write-diffusers-pipeline.ts";
import { expectSameNumbers } from "../e2e/expect-same-numbers.ts";
import { buildFixtureSite } from "../site/build-fixture-site.ts";
import { serveStatic } from "./serve-static.ts";
import { useSiteBrowser } from "./use-site-browser.ts";

// A folder chosen on the local-analysis page ("Choose a folder"): its files arrive with their
// paths inside it, and the page picks the weights by the CLI's policy, a diffusers pipeline's
// component folders included, to the report the command line makes of the same folder.

const COMPONENTS = ["text_encoder", "text_encoder_2", "unet", "vae"];
const site = useSiteBrowser(async () => serveStatic((await buildFixtureSite()).dist));

/** the command line's report of a folder, on its float64 JS engine (the page's CPU path) */
async function analyseInNode(folder: string): Promise<Report> {
  const opened = openLocalModel(folder);
  return analyzeModel(opened.model, opened.description, { randomize: false, seed: 0, engine: "js" });
}

/** Drops `folder` on the drop zone as the system does (Chromium's own drag data: files with paths on disk, a folder an entry to walk). */
async function dropFolder(page: Page, folder: string): Promise<void> {
  const box = (await page.locator("[data-drop-zone]").boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [folder], dragOperationsMask: 1 };
  for (const type of ["dragEnter", "dragOver", "drop"] as const) await cdp.send("Input.dispatchDragEvent", { type, ...at, data });
}

/** Gives `folder` to the page, chosen or dropped, on the CPU, and returns the report it offers for download. */
async function analyseFolder(page: Page, folder: string, how: "choose" | "drop" = "choose"): Promise<Report> {
  await page.selectOption("select[name=engine]", "cpu");
  if (how === "drop") await dropFolder(page, folder);
  else await page.setInputFiles("input[data-local-folder]", folder);
  await page.waitForFunction(() => ["done", "error"].includes(document.querySelector<HTMLElement>("[data-local-analysis]")!.dataset.state ?? ""), null, { timeout: 110_000 });
  const status = (await page.textContent("[data-local-status]")) ?? "";
  expect(await page.getAttribute("[data-local-analysis]", "data-state"), status).toBe("done");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-local-download]")]);
  const report = JSON.parse(readFileSync((await download.path())!, "utf8")) as Report;
  expect(validateReport(report)).toMatchObject({ ok: true });
  return report;
}

/**
 * The numbers two reports of one model must share: per layer and in the summaries (the model's,
 * each component's). Chromium's V8 and Node's are of other versions, and their Math.log and
 * Math.pow may round the fits' last bit apart (Chromium 156 against Node 20: α 2.5e-15 relative),
 * so floats agree to 1e-12 of their size, not bit for bit.
 */
function numbers(report: Report) {
  return {
    layers: report.layers.map((l) => ({ name: l.name, component: l.component, alpha: l.alpha, lambda_max: l.lambda_max, log_norm: l.log_norm })),
    skipped: report.skipped.map((l) => l.name),
    reference: report.summary.reference,
    components: report.summary.components?.map((c) => ({ name: c.name, reference: c.reference, layers_analysed: c.layers_analysed })),
  };
}

describe("a folder chosen on the local-analysis page", () => {
  it("analyses a diffusers pipeline's components, each layer under its component's name, as the command line does", async () => {
    const folder = writeDiffusersPipeline(join(mkdtempSync(join(tmpdir(), "heavytail-local-pipeline-")), "tiny-sd"));
    const [page, theirs] = await Promise.all([site.open("/analyze-local/"), analyseInNode(folder)]);
    const report = await analyseFolder(page, folder);

    expect(report.model).toMatchObject({ id: "tiny-sd", family: "StableDiffusionPipeline" });
    expect(report.model.files.map((f) => f.name)).toEqual(theirs.model.files.map((f) => f.name));
    expect([...new Set(report.layers.map((l) => l.component))]).toEqual(COMPONENTS);
    for (const layer of [...report.layers, ...report.skipped]) expect(layer.name.startsWith(`${layer.component}/`), layer.name).toBe(true);
    expect(report.layers).toHaveLength(theirs.layers.length);
    expectSameNumbers(numbers(report), numbers(theirs), 1e-12);

    // the card's components panel lists each component's own summary
    const rows = await page.$$eval("[data-local-result] tr[data-component]", (trs) => trs.map((tr) => tr.getAttribute("data-component")));
    expect(rows).toEqual(COMPONENTS);
    const names = await page.$$eval("[data-local-result] table[data-sortable] tbody tr", (trs) => trs.map((tr) => tr.getAttribute("data-layer")));
    expect(names.sort()).toEqual(theirs.layers.map((l) => l.name).sort());
  });

  it("takes the same pipeline's folder dropped on the page, walking its entries to every file", async () => {
    const folder = writeDiffusersPipeline(join(mkdtempSync(join(tmpdir(), "heavytail-local-pipeline-")), "tiny-sd"));
    const [page, theirs] = await Promise.all([site.open("/analyze-local/"), analyseInNode(folder)]);
    const report = await analyseFolder(page, folder, "drop");
    expect(report.model).toMatchObject({ id: "tiny-sd", family: "StableDiffusionPipeline" });
    expect(report.model.files.map((f) => f.name)).toEqual(theirs.model.files.map((f) => f.name));
    expectSameNumbers(numbers(report), numbers(theirs), 1e-12);
  });

  it("still takes a folder holding one model.safetensors at its root, with no components panel", async () => {
    const folder = join(mkdtempSync(join(tmpdir(), "heavytail-local-plain-")), "tiny-llama");
    mkdirSync(folder);
    writeFileSync(join(folder, "model.safetensors"), tinySafetensors(tinyLlama({ layers: 1, seed: 9 })));
    writeFileSync(join(folder, "config.json"), JSON.stringify({ model_type: "llama" }));
    writeFileSync(join(folder, "README.md"), "# a tiny llama\n");
    const [page, theirs] = await Promise.all([site.open("/analyze-local/"), analyseInNode(folder)]);
    const report = await analyseFolder(page, folder);

    expect(report.model).toMatchObject({ id: "tiny-llama", family: "llama" });
    expect(report.model.files.map((f) => f.name)).toEqual(["model.safetensors"]);
    expect(report.layers.length).toBeGreaterThan(0);
    expect(report.layers.every((l) => l.component === undefined)).toBe(true);
    expectSameNumbers(numbers(report), numbers(theirs), 1e-12);
    expect(await page.locator("[data-local-result] tr[data-component]").count()).toBe(0);
  });
});
