import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, it } from "vitest";

// `npm run deploy -- --dry-run`: everything a deploy does that needs no Cloudflare account.
const ROOT = resolve(import.meta.dirname, "../..");
const out = mkdtempSync(join(tmpdir(), "heavytail-deploy-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

it("writes both Workers' configs, builds the site for the public origin and bundles both Workers, offline", () => {
  const run = spawnSync(
    join(ROOT, "node_modules/.bin/tsx"),
    ["scripts/deploy.ts", "--dry-run", "--domain", "heavytail.example.com", "--reports", "test/fixtures/reports", "--out", out],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, CLOUDFLARE_API_TOKEN: "", HF_TOKEN: "hf_neverUsedInADryRun" }, timeout: 300_000 },
  );
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toContain("nothing was deployed");

  const web = readFileSync(join(out, "config", "wrangler.toml"), "utf8");
  expect(web).toContain('routes = [{ pattern = "heavytail.example.com", custom_domain = true }]');
  expect(web).toContain(`directory = ${JSON.stringify(join(out, "site"))}`);
  const tasks = readFileSync(join(out, "config", "wrangler.tasks.toml"), "utf8");
  expect(tasks).toMatch(/script_name = "heavytail"/);
  expect(tasks).toMatch(/\[\[queues\.consumers\]\]/);
  expect(existsSync(join(out, "dist-web", "index.js"))).toBe(true);
  expect(existsSync(join(out, "dist-tasks", "tasks.js"))).toBe(true);

  // badge snippets and links name the public origin, never the local one; no secret is written
  const pages = filesUnder(join(out, "site")).filter((f) => f.endsWith(".html"));
  const text = pages.map((f) => readFileSync(f, "utf8")).join("\n");
  expect(text).toContain("https://heavytail.example.com/badge/");
  expect(text).not.toMatch(/127\.0\.0\.1|localhost:8787/);
  for (const file of filesUnder(out)) expect(readFileSync(file, "utf8"), file).not.toContain("hf_neverUsedInADryRun");
}, 300_000);
