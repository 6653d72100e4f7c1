import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { startWranglerDev, type WranglerDev } from "../../scripts/start-wrangler-dev.ts";
import { familyIds, writeModelFamily } from "../helpers/write-model-family.ts";
import { createMockHub } from "../mock-hub/create-mock-hub.ts";
import type { MockHub } from "../mock-hub/types.ts";
import { REPO } from "./build-fixture-site.ts";

// `npm run site:build -- --from <service>`: the service (wrangler dev, offline) analyses models
// from the mock Hub, then the site is built from the service's JSON API: a model's cards, and a
// model tree's family view and compare pages (writeModelFamily: a base, two fine-tunes compared with
// it by the service on their own, a LoRA adapter and a Q8_0 GGUF, each card naming the base).

const run = promisify(execFile);
let dir: string;
let hub: MockHub;
let service: WranglerDev;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "heavytail-site-from-service-"));
  const family = await writeModelFamily(join(dir, "family"));
  hub = await createMockHub({ repos: { "tesseract/eng_lstm": join(REPO, "test/fixtures/tesseract_eng_lstm"), ...family } });
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

/** POST /api/analyze, then each job to its end; the answer's comparison_url when it has one. */
async function analyse(model: string): Promise<{ key: string; comparison: string | null }> {
  const trigger = await fetch(`${service.url}/api/analyze`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model }) });
  expect([200, 202], await trigger.clone().text()).toContain(trigger.status);
  const { key, comparison_url } = (await trigger.json()) as { key: string; comparison_url?: string };
  await waitForJob(key);
  return { key, comparison: comparison_url ?? null };
}

async function waitForJob(key: string): Promise<void> {
  for (;;) {
    const status = (await (await fetch(`${service.url}/api/jobs/${key}`)).json()) as { state: string; error?: string };
    expect(status.state, status.error).not.toBe("failed");
    if (status.state === "done") return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

it("builds a model tree's family view and compare pages, the fine-tunes compared with their base by the service", async () => {
  const ids = familyIds("family");
  const triggered = new Map<string, { key: string; comparison: string | null }>();
  for (const id of [ids.chat, ids.code, ids.lora, ids.q8]) triggered.set(id, await analyse(id));
  // a fine-tune's trigger compared it with its card's base (and analysed the base); the others name theirs only
  expect(triggered.get(ids.lora)!.comparison).toBeNull();
  expect(triggered.get(ids.q8)!.comparison).toBeNull();
  for (const id of [ids.chat, ids.code]) {
    const pending = (await (await fetch(`${service.url}${triggered.get(id)!.comparison}`)).json()) as { key: string; base: { sha: string } };
    await waitForJob(pending.key);
    await waitForJob(`${ids.base}@${pending.base.sha}`);
    const done = (await (await fetch(`${service.url}${triggered.get(id)!.comparison}`)).json()) as { state: string; report_url: string };
    expect(done).toMatchObject({ state: "done", report_url: `/api/reports/${pending.key}` });
  }
  const board = (await (await fetch(`${service.url}/api/leaderboard?base=${ids.base}`)).json()) as { entries: { id: string; base: { relation: string } }[] };
  expect(Object.fromEntries(board.entries.map((e) => [e.id, e.base.relation]))).toEqual({ [ids.chat]: "finetune", [ids.code]: "finetune", [ids.lora]: "adapter", [ids.q8]: "quantized" });
  const derived = (await (await fetch(`${service.url}/api/derived-reports`)).json()) as { reports: { id: string }[] };
  expect(derived.reports.map((r) => r.id).sort()).toEqual([ids.chat, ids.code]);

  const out = join(dir, "dist-family");
  const { stdout } = await run(join(REPO, "node_modules", ".bin", "tsx"), ["site/build.ts", "--from", service.url, "--out", out], { cwd: REPO, timeout: 300_000 });
  // tesseract and the five of the family (the two delta reports are drawn by the compare pages, below)
  expect(stdout).toMatch(/6 models, 6 reports \(0 left out\)/);
  const lineage = readFileSync(join(out, "lineage", "index.html"), "utf8");
  const section = lineage.slice(lineage.indexOf(`data-root="${ids.base}"`));
  for (const [id, relation] of [[ids.base, "base"], [ids.chat, "finetune"], [ids.code, "finetune"], [ids.lora, "adapter"], [ids.q8, "quantized"]]) {
    expect(section).toContain(`data-model="${id}" data-relation="${relation}"`);
  }
  expect(section).toContain("4 descendants");
  for (const id of [ids.chat, ids.code]) {
    const page = readFileSync(join(out, "compare", ...id.split("/"), "vs", ...ids.base.split("/"), "index.html"), "utf8");
    expect(page).toContain("data-delta-spectra");
    expect(page).toContain("Delta spectra: W − W_base");
  }
  // every member has its card, the fine-tunes' with the slot their comparison fills in
  for (const id of Object.values(ids)) expect(existsSync(join(out, ...id.split("/"), "index.html")), id).toBe(true);
  expect(readFileSync(join(out, ...ids.chat.split("/"), "index.html"), "utf8")).toContain("data-base-comparison");
}, 600_000);
