import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Report } from "../../shared/report/schema.ts";
import { startWranglerDev, type WranglerDev } from "../../scripts/start-wrangler-dev.ts";
import { createMockHub } from "../mock-hub/create-mock-hub.ts";
import type { MockHub } from "../mock-hub/types.ts";
import { REPO } from "./build-fixture-site.ts";

// `npm run site:build -- --from <service>`: the service (wrangler dev, offline) analyses a model
// from the mock Hub, then the site is built from the service's JSON API.

const run = promisify(execFile);
let dir: string;
let hub: MockHub;
let service: WranglerDev;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "heavytail-site-from-service-"));
  hub = await createMockHub({ repos: { "tesseract/eng_lstm": join(REPO, "test/fixtures/tesseract_eng_lstm") } });
  service = await startWranglerDev({
    root: REPO,
    vars: { HF_ENDPOINT: hub.url, TRIGGERS_PER_MINUTE: "1000" },
    persistTo: join(dir, "state"),
    logFile: join(dir, "wrangler.log"),
  });
}, 300_000);

afterAll(async () => {
  await service?.stop();
  await hub?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("builds a report card for every report the service holds", async () => {
  const trigger = await fetch(`${service.url}/api/analyze`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "https://huggingface.co/tesseract/eng_lstm" }),
  });
  expect([200, 202]).toContain(trigger.status);
  const { key, status_url } = (await trigger.json()) as { key: string; status_url?: string };
  for (let state = trigger.status === 200 ? "done" : ""; state !== "done"; ) {
    await new Promise((r) => setTimeout(r, 500));
    state = ((await (await fetch(`${service.url}${status_url}`)).json()) as { state: string }).state;
    expect(state).not.toBe("failed");
  }
  const served = await (await fetch(`${service.url}/api/reports/${key}`)).text();
  const report = JSON.parse(served) as Report;

  const out = join(dir, "dist");
  const { stdout } = await run(join(REPO, "node_modules", ".bin", "tsx"), ["site/build.ts", "--from", service.url, "--out", out], {
    cwd: REPO,
    timeout: 300_000,
  });
  expect(stdout).toMatch(/1 models, 1 reports \(0 left out\)/);
  const card = readFileSync(join(out, "tesseract", "eng_lstm", "index.html"), "utf8");
  expect(card).toContain("<h1 class=\"model-title\">tesseract/eng_lstm</h1>");
  expect(existsSync(join(out, "tesseract", "eng_lstm", `@${report.model.sha}`, "spectra", "index.html"))).toBe(true);
  expect(readFileSync(join(out, "tesseract", "eng_lstm", `@${report.model.sha}`, "report.json"), "utf8")).toBe(served);
  // the badge snippets point at the service the site was built from
  expect(card).toContain(`${new URL(service.url).origin}/badge/tesseract/eng_lstm.svg`);
}, 400_000);
