import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { startWranglerDev } from "../../scripts/start-wrangler-dev.ts";
import { createMockHub } from "../mock-hub/create-mock-hub.ts";
import { buildFixtureSite, REPO } from "../site/build-fixture-site.ts";
import { useSiteBrowser } from "./use-site-browser.ts";

// The site's analyse box against the real service (wrangler dev serving the built site and the
// API on one origin) and the mock Hub: paste a huggingface.co URL, watch it run, open the report.

const site = useSiteBrowser(async () => {
  const dir = await mkdtemp(join(tmpdir(), "heavytail-analyse-box-"));
  const built = await buildFixtureSite();
  const hub = await createMockHub({ repos: { "tesseract/eng_lstm": join(REPO, "test/fixtures/tesseract_eng_lstm") } });
  const service = await startWranglerDev({
    root: REPO,
    assets: built.dist,
    vars: { HF_ENDPOINT: hub.url, TRIGGERS_PER_MINUTE: "1000" },
    persistTo: join(dir, "state"),
    logFile: join(dir, "wrangler.log"),
  });
  return {
    url: service.url,
    close: async () => {
      await service.stop();
      await hub.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

it("analyses a pasted huggingface.co URL and links to its report", async () => {
  // the real service answers every question: a failed one is trouble too
  const page = await site.open("/", { watch: (p) => p.on("response", (r) => r.status() >= 400 && site.trouble(`${r.status()}: ${r.url()}`)) });
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
}, 240_000);
