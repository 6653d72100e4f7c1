// `npm start [-- --port 8787]`: the service on this machine (wrangler dev: the web and tasks
// Workers, local KV, Queues and Durable Objects, state in .wrangler/state) against the Hub named by
// HF_ENDPOINT (default https://huggingface.co), with HF_TOKEN and GATED_REPOS for the gated models
// it may analyse. They may be set in the environment or in .dev.vars; the environment wins.
// Ctrl-C stops it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs, parseEnv } from "node:util";
import { startWranglerDev } from "./start-wrangler-dev.ts";

const ROOT = resolve(import.meta.dirname, "..");
const USAGE = "usage: npm start [-- --port N] [--persist-to DIR]";

/** The KEY=value lines of a .dev.vars file, read as dotenv files are (util.parseEnv). */
function readDevVars(path: string): Record<string, string> {
  return existsSync(path) ? (parseEnv(readFileSync(path, "utf8")) as Record<string, string>) : {};
}

/**
 * Model pages are the site's live card, so a service without a built site has none: build one
 * with no reports (cards and the leaderboard fill in from the API as reports come).
 */
function buildEmptySite(port: number): void {
  console.log("start: building the site (no reports yet; model pages and the leaderboard read the service)…");
  const empty = mkdtempSync(join(tmpdir(), "heavytail-no-reports-"));
  try {
    const built = spawnSync("npm", ["run", "-s", "site:build", "--", "--from", empty, "--site", `http://127.0.0.1:${port}`], { cwd: ROOT, stdio: "inherit" });
    if (built.status !== 0) throw new Error("the site build failed; see above");
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: "string", default: "8787" }, "persist-to": { type: "string" }, help: { type: "boolean" } } });
  if (values.help) return console.log(USAGE);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a port number, got ${JSON.stringify(values.port)}\n${USAGE}`);
  const settings = { ...readDevVars(join(ROOT, ".dev.vars")) };
  for (const name of ["HF_ENDPOINT", "HF_TOKEN", "GATED_REPOS"]) if (process.env[name]) settings[name] = process.env[name]!;
  const endpoint = settings.HF_ENDPOINT ?? "https://huggingface.co";
  if (!/^https?:\/\/[^/]+/.test(endpoint)) throw new Error(`HF_ENDPOINT must be an http(s) URL, got ${JSON.stringify(endpoint)}`);
  const { HF_TOKEN, ...vars } = settings;
  if (!existsSync(join(ROOT, "site", "dist", "_live", "index.html"))) buildEmptySite(port);
  const service = await startWranglerDev({
    root: ROOT,
    port,
    vars: { ...vars, HF_ENDPOINT: endpoint },
    secrets: HF_TOKEN ? { HF_TOKEN } : {},
    persistTo: resolve(values["persist-to"] ?? join(ROOT, ".wrangler", "state")),
  });
  const stop = async () => {
    await service.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  console.log(`\nheavytail is running on ${service.url}, analysing models from ${endpoint}${HF_TOKEN ? " (with HF_TOKEN)" : ""}. Ctrl-C stops it.\n`);
}

main().catch((error: Error) => {
  console.error(`start: ${error.message}`);
  process.exit(1);
});
