import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { gpuColumnDifferences } from "../helpers/gpu-column-differences.ts";
import { gramNoiseFloor } from "#shared/esd";
import { type AnalysedLayer, type Report, type SummaryMetrics, validateReport } from "#shared/report";
import { buildFixtureSite, REPO } from "../site/build-fixture-site.ts";
import { quantizedTensor, tinyGguf, tinyLlama, tinyTorchCheckpoint } from "../helpers/tiny-llama.ts";
import { ADAPTER_CONFIG_JSON, encodeLoraAdapter } from "../helpers/write-lora-adapter.ts";
import { serveStatic } from "./serve-static.ts";
import { useSiteBrowser } from "./use-site-browser.ts";

const MODEL = join(REPO, "test", "fixtures", "ppocrv4_rec", "model.safetensors");
const run = promisify(execFile);

/** the command line's report with its default engine (WASM when built), and with `--engine js` */
let cli: Report;
let cliJs: Report;
// SwiftShader gives headless Chromium both WebGL2 and (with this flag) a WebGPU adapter: software
// GPUs, slow, but the same gpu.js kernels, float32 arithmetic and read-backs as hardware
const site = useSiteBrowser(async () => {
  // the command line's report, as a person would make it: `npm run -s cli -- analyze … --format json`
  const analyseWithCli = (...extra: string[]) =>
    run(join(REPO, "node_modules", ".bin", "tsx"), ["cli/heavytail.ts", "analyze", "test/fixtures/ppocrv4_rec", "--format", "json", ...extra], { cwd: REPO, maxBuffer: 64 << 20, timeout: 300_000 });
  const [built, printed, printedJs] = await Promise.all([buildFixtureSite(), analyseWithCli(), analyseWithCli("--engine", "js")]);
  cli = JSON.parse(printed.stdout) as Report;
  cliJs = JSON.parse(printedJs.stdout) as Report;
  mkdirSync(join(REPO, "test-results", "screenshots"), { recursive: true });
  return serveStatic(built.dist);
}, ["--enable-unsafe-webgpu"]);

/** The local-analysis page, watched: the file never leaves this computer, so nothing but a GET of the site's own files. */
function open(width = 1280): Promise<Page> {
  return site.open("/analyze-local/", { width, watch: (page) => page.on("request", (r) => (r.method() !== "GET" || r.postData()) && site.trouble(`${r.method()} ${r.url()}`)) });
}

/** Picks the fixture with the chosen engine, waits for the report, and returns it as downloaded. */
async function analyse(page: Page, engine: "auto" | "cpu" | "webgl2" | "webgpu", files: string[] = [MODEL]): Promise<{ report: Report | null; engine: string; status: string }> {
  await page.selectOption("select[name=engine]", engine);
  await page.setInputFiles("input[data-local-files]", files);
  await page.waitForFunction(() => ["done", "error"].includes(document.querySelector<HTMLElement>("[data-local-analysis]")!.dataset.state ?? ""), null, { timeout: 280_000 });
  const status = (await page.textContent("[data-local-status]")) ?? "";
  const engineLine = (await page.textContent("[data-local-engine]")) ?? "";
  if ((await page.getAttribute("[data-local-analysis]", "data-state")) !== "done") return { report: null, engine: engineLine, status };
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-local-download]")]);
  const report = JSON.parse(readFileSync((await download.path())!, "utf8")) as Report;
  expect(download.suggestedFilename()).toBe(`${report.model.id}.heavytail.json`);
  return { report, engine: engineLine, status };
}

const byName = (layers: AnalysedLayer[]) => new Map(layers.map((l) => [l.name, l]));
const SUMMARY_KEYS: (keyof SummaryMetrics)[] = ["log_norm", "alpha", "alpha_weighted", "log_alpha_norm", "log_spectral_norm", "stable_rank", "mp_softrank"];

/** |a − b| ≤ tol·max(1, |b|) for every number of two summaries; null only where null */
function summaryDifferences(a: Report, b: Report, tol: number): string[] {
  const out: string[] = [];
  for (const part of ["reference", "successful_fits"] as const) {
    for (const key of SUMMARY_KEYS) {
      const x = a.summary[part][key];
      const y = b.summary[part][key];
      if (x === null || y === null ? x !== y : Math.abs(x - y) > tol * Math.max(1, Math.abs(y))) out.push(`summary.${part}.${key}: ${x} vs ${y}`);
    }
  }
  for (const key of ["layers_analysed", "layers_skipped", "layers_failed", "over_trained", "under_trained"] as const) {
    if (a.summary[key] !== b.summary[key]) out.push(`summary.${key}: ${a.summary[key]} vs ${b.summary[key]}`);
  }
  return out;
}

/**
 * Every numeric column of every layer within tol·max(1, |theirs|) of the other report's, labels
 * equal. Two float64 engines (JS and WASM) sum the Gram in different orders, so their eigenvalues
 * agree to the Gram's noise floor order·ε·λmax, not to 1e-12 of themselves: sv_min, the square
 * root of the smallest, may also be off by |a² − b²| ≤ that floor when `floatingSvMin` is set.
 */
function layerDifferences(report: Report, other: Report, tol: number, floatingSvMin = false): string[] {
  const out: string[] = [];
  const theirs = byName(other.layers);
  for (const layer of report.layers) {
    const them = theirs.get(layer.name)!;
    for (const [key, value] of Object.entries(layer)) {
      const expected = (them as unknown as Record<string, unknown>)[key];
      if (typeof value === "number" && typeof expected === "number") {
        const floor = floatingSvMin && key === "sv_min" ? gramNoiseFloor(Math.min(them.N, them.M), them.lambda_max ?? 0) : -1;
        const within = Math.abs(value - expected) <= tol * Math.max(1, Math.abs(expected)) || Math.abs(value * value - expected * expected) <= floor;
        if (!within) out.push(`${layer.name} ${key}: ${value} vs ${expected}`);
      } else if (typeof value !== "object" || value === null) {
        if (value !== expected) out.push(`${layer.name} ${key}: ${JSON.stringify(value)} vs ${JSON.stringify(expected)}`);
      }
    }
  }
  return out;
}

function expectSameLayers(report: Report): void {
  expect(validateReport(report)).toMatchObject({ ok: true });
  expect(report.layers.map((l) => l.name).sort()).toEqual(cli.layers.map((l) => l.name).sort());
  expect(report.skipped).toEqual(cli.skipped);
  expect(report.failed).toEqual([]);
  expect(report.model).toMatchObject({ id: "model", source: "local", parameters: cli.model.parameters, dtypes: cli.model.dtypes });
}

describe("analysing a local file in the browser", () => {
  it("on the CPU: the command line's report, every number to 1e-12, shown as a summary and a table", async () => {
    const page = await open();
    const { report, engine, status } = await analyse(page, "cpu");
    expect(engine).toBe("Engine: js-f64 — float64 on the CPU, as asked");
    expect(status).toMatch(/^Done in [\d.]+ s: 41 layers analysed, 73 skipped, 0 failed\.$/);
    expectSameLayers(report!);
    expect(report!.method).toMatchObject({ engine: "js-f64", randomize: false, seed: null });
    // the same engine as `--engine js`: every number to 1e-12
    expect(cliJs.method.engine).toBe("js-f64");
    expect(layerDifferences(report!, cliJs, 1e-12)).toEqual([]);
    expect(summaryDifferences(report!, cliJs, 1e-12)).toEqual([]);
    // the command line's default engine (WASM when built): the same, sv_min to the Gram's noise floor
    expect(layerDifferences(report!, cli, 1e-12, true)).toEqual([]);
    expect(summaryDifferences(report!, cli, 1e-12)).toEqual([]);

    // the page shows what the file holds as the site's report card: one row per layer with the report's exact values
    expect(await page.locator("[data-local-result] [data-card] figure.plot svg").count()).toBeGreaterThanOrEqual(4);
    const rows = await page.$$eval("[data-local-result] table[data-sortable] tbody tr", (trs) =>
      trs.map((tr) => ({ name: tr.getAttribute("data-layer"), alpha: tr.querySelector('[data-column="alpha"]')!.getAttribute("data-value") })),
    );
    expect(rows).toHaveLength(41);
    const mine = byName(report!.layers);
    for (const row of rows) expect(Number(row.alpha)).toBe(mine.get(row.name!)!.alpha);
    expect(await page.getAttribute('[data-summary] tr[data-metric="log_alpha_norm"] td:nth-child(2)', "data-value")).toBe(String(report!.summary.reference.log_alpha_norm));
    // sorting the table by a column works on the rendered rows
    await page.click('table[data-sortable] thead th:has(button[title^="power-law exponent"]) button');
    const sorted = await page.$$eval('table[data-sortable] tbody [data-column="alpha"]', (cells) => cells.map((c) => Number(c.getAttribute("data-value"))));
    expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
    // a layer's name opens its spectrum, folded below the card
    expect(await page.isVisible("#spectra .spectra-grid")).toBe(false);
    await page.click("table[data-sortable] tbody tr:first-child td.name a");
    expect(await page.isVisible(`${new URL(page.url()).hash} figure.plot svg`)).toBe(true);
    // the wide table scrolls in its frame; the page stays as wide as the window
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1280);
  }, 240_000);

  it("fits a phone screen", async () => {
    const page = await open(390);
    const { report } = await analyse(page, "cpu");
    expect(report!.layers).toHaveLength(41);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest(".table-wrap, figure.plot.wide"))
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    );
    expect(wide).toEqual([]);
    await page.screenshot({ path: join(REPO, "test-results", "screenshots", "analyze-local-phone.png"), fullPage: true });
  }, 240_000);

  for (const engine of ["webgl2", "webgpu"] as const) {
    it(`on gpu.js ${engine}: every column within the GPU tolerances of the command line's float64 report`, async () => {
      const page = await open();
      const { report, engine: line } = await analyse(page, engine);
      expect(line).toMatch(new RegExp(`^Engine: gpu\\.js-${engine}-f32x256\\+js-f64 — GPU: gpu\\.js on ${engine === "webgl2" ? "WebGL2" : "WebGPU"} `));
      expectSameLayers(report!);
      expect(report!.method.engine).toBe(`gpu.js-${engine}-f32x256+js-f64`);
      const theirs = byName(cli.layers);
      expect(report!.layers.flatMap((layer) => gpuColumnDifferences(layer, theirs.get(layer.name)!))).toEqual([]);
      expect(summaryDifferences(report!, cli, 1e-6)).toEqual([]);
      // float32 sums do move the numbers: the GPU really computed them
      expect(layerDifferences(report!, cli, 1e-12, true)).not.toEqual([]);
    }, 280_000);
  }

  it("chooses the CPU by itself when the only GPU is a software one, and says why", async () => {
    const page = await open();
    const { report, engine } = await analyse(page, "auto");
    expect(engine).toMatch(/^Engine: js-f64 — float64 on the CPU: WebGPU adapter is software \(.*swiftshader.*\); WebGL2 renders in software \(.*SwiftShader.*\)$/);
    expect(report!.method.engine).toBe("js-f64");
  }, 240_000);

  it("analyses a Q4_K GGUF file, a PyTorch checkpoint and a LoRA adapter as the command line does", async () => {
    const folder = mkdtempSync(join(tmpdir(), "heavytail-local-kinds-"));
    const weights = tinyLlama({ layers: 1, seed: 9 });
    const gguf = join(folder, "tiny-Q4_K.gguf");
    writeFileSync(gguf, tinyGguf(weights, (t) => ({ type: "Q4_K", bytes: quantizedTensor(t, "Q4_K", 3).bytes })));
    const torch = join(folder, "pytorch_model.bin");
    writeFileSync(torch, tinyTorchCheckpoint(weights));
    const adapter = join(folder, "adapter");
    mkdirSync(adapter);
    writeFileSync(join(adapter, "adapter_model.safetensors"), encodeLoraAdapter());
    writeFileSync(join(adapter, "adapter_config.json"), ADAPTER_CONFIG_JSON);
    const page = await open();
    for (const [what, files, target] of [
      ["gguf", [gguf], gguf],
      ["pytorch", [torch], torch],
      ["adapter", [join(adapter, "adapter_model.safetensors"), join(adapter, "adapter_config.json")], adapter],
    ] as const) {
      const printed = await run(join(REPO, "node_modules", ".bin", "tsx"), ["cli/heavytail.ts", "analyze", target, "--format", "json", "--engine", "js"], { cwd: REPO, maxBuffer: 64 << 20, timeout: 120_000 });
      const theirs = JSON.parse(printed.stdout) as Report;
      const { report, status } = await analyse(page, "cpu", [...files]);
      expect(report, `${what}: ${status}`).not.toBeNull();
      expect(validateReport(report!)).toMatchObject({ ok: true });
      expect(report!.layers.length, what).toBe(theirs.layers.length);
      expect(report!.layers.length, what).toBeGreaterThan(0);
      expect(layerDifferences(report!, theirs, 1e-12), what).toEqual([]);
      expect(summaryDifferences(report!, theirs, 1e-12), what).toEqual([]);
      expect(report!.skipped, what).toEqual(theirs.skipped);
      expect({ format: report!.model.format, adapter: report!.model.adapter }, what).toEqual({ format: theirs.model.format, adapter: theirs.model.adapter });
    }
  }, 240_000);

  it("explains files it cannot analyse, and keeps working afterwards", async () => {
    const folder = mkdtempSync(join(tmpdir(), "heavytail-local-"));
    const notes = join(folder, "notes.txt");
    writeFileSync(notes, "not a model");
    const broken = join(folder, "broken.safetensors");
    writeFileSync(broken, Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0]), Buffer.from("{")]));
    const page = await open();

    const none = await analyse(page, "cpu", [notes]);
    expect(none.report).toBeNull();
    expect(none.status).toBe("The analysis stopped: the model has no weights heavytail reads (safetensors, pytorch_model.bin or GGUF)");

    const bad = await analyse(page, "cpu", [broken]);
    expect(bad.report).toBeNull();
    expect(bad.status).toMatch(/^The analysis stopped: .*broken\.safetensors/);
    expect(await page.getAttribute("[data-local-status]", "class")).toContain("error");

    const good = await analyse(page, "cpu");
    expect(good.report!.layers).toHaveLength(41);
  }, 240_000);
});
