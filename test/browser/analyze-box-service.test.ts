import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startWranglerDev, type WranglerDev } from "../../scripts/start-wrangler-dev.ts";
import { createMockHub } from "../mock-hub/create-mock-hub.ts";
import type { MockHub } from "../mock-hub/types.ts";
import { buildFixtureSite, REPO } from "../site/build-fixture-site.ts";
import { launchChromium } from "./launch-chromium.ts";

// The site's analyse box against the real service (wrangler dev serving the built site and the
// API on one origin) and the mock Hub: paste a huggingface.co URL, watch it run, open the report.

let dir: string;
let hub: MockHub;
let service: WranglerDev;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "heavytail-analyse-box-"));
  const site = await buildFixtureSite();
  hub = await createMockHub({ repos: { "tesseract/eng_lstm": join(REPO, "test/fixtures/tesseract_eng_lstm") } });
  service = await startWranglerDev({
    root: REPO,
    assets: site.dist,
    vars: { HF_ENDPOINT: hub.url, TRIGGERS_PER_MINUTE: "1000" },
    persistTo: join(dir, "state"),
    logFile: join(dir, "wrangler.log"),
  });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await hub?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("analyses a pasted huggingface.co URL and links to its report", async () => {
  const page = await browser.newPage();
  const trouble: string[] = [];
  const origin = new URL(service.url).origin;
  page.on("console", (m) => m.type() === "error" && trouble.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => trouble.push(`page: ${e.message}`));
  page.on("response", (r) => r.status() >= 400 && trouble.push(`${r.status()}: ${r.url()}`));
  page.on("request", (r) => new URL(r.url()).origin !== origin && !r.url().startsWith("data:") && trouble.push(`request: ${r.url()}`));

  await page.goto(`${service.url}/`);
  const box = page.locator("[data-analyse]");
  await box.locator("input[name=model]").fill("https://huggingface.co/tesseract/eng_lstm");
  await box.locator("button[type=submit]").click();
  const report = box.locator("[data-result] a", { hasText: "Open the report" });
  await report.waitFor({ timeout: 180_000 });
  await report.click();
  await page.waitForURL(/\/tesseract\/eng_lstm\/?$/);
  await expect(page.locator("h1").first().textContent()).resolves.toContain("tesseract/eng_lstm");
  expect(await page.locator("table tbody tr").count()).toBeGreaterThan(0);
  const screenshots = join(REPO, "test-results", "screenshots");
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, "service-report-page.png") });
  expect(trouble).toEqual([]);
}, 240_000);
