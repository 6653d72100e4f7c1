import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const REPO = join(import.meta.dirname, "..", "..");
export const FIXTURE_REPORTS = join(REPO, "test", "fixtures", "reports");

export interface BuiltSite {
  /** the folder the reports were read from */
  reports: string;
  dist: string;
  stdout: string;
  stderr: string;
}

/**
 * Builds the site from the fixture reports (plus `extra` files written next to them) with the
 * real build script, in a fresh temporary folder, as `npm run site:build` would.
 */
export async function buildFixtureSite(extra: Record<string, string> = {}, args: string[] = []): Promise<BuiltSite> {
  const root = mkdtempSync(join(tmpdir(), "heavytail-site-test-"));
  const reports = join(root, "reports");
  cpSync(FIXTURE_REPORTS, reports, { recursive: true, filter: (src) => !src.endsWith(".csv") });
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(reports, name), text);
  const dist = join(root, "dist");
  const { stdout, stderr } = await run(
    join(REPO, "node_modules", ".bin", "tsx"),
    ["site/build.ts", "--from", reports, "--out", dist, "--accuracies", join(FIXTURE_REPORTS, "accuracies.csv"), ...args],
    { cwd: REPO, timeout: 300_000, maxBuffer: 16 << 20 },
  );
  return { reports, dist, stdout, stderr };
}
