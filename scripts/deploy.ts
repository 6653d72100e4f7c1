// `npm run deploy -- --site-url https://heavytail.example.com [--domain heavytail.example.com] [--dry-run]`:
// puts the service on a Cloudflare account (docs/deploy.md). It creates the KV namespace and the
// queue when the account lacks them, builds the site for its public origin (so badge snippets
// never point at 127.0.0.1), and deploys the web Worker (with the site) and then the tasks Worker,
// handing HF_TOKEN from the environment to both as a secret without writing it anywhere lasting.
// --dry-run does everything that needs no account: the configs, the site, and both Workers'
// bundles (`wrangler deploy --dry-run`), into .wrangler/deploy/.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeWorkerConfigs } from "./write-worker-configs.ts";

const ROOT = resolve(import.meta.dirname, "..");
const KV_TITLE = "heavytail-reports";
const QUEUE = "heavytail-tasks";
const USAGE = `usage: npm run deploy -- --site-url <https://public origin> [options]

  --site-url <url>     the public origin people reach the service at (badge snippets, links)
  --domain <host>      serve the web Worker on this custom domain (a zone on the account);
                       without it, the Worker's workers.dev address
  --reports <url|dir>  where the site's reports come from (default: the live service at --site-url
                       when it answers, else none: the site starts empty and fills as reports come)
  --dry-run            no account needed: write the configs, build the site and bundle both Workers,
                       deploy nothing
  --out <dir>          where the configs, the site and (dry run) the bundles go (default .wrangler/deploy)
Needs: a Cloudflare account on Workers Paid (the tasks Worker's 5-minute CPU limit), \`wrangler login\`
or CLOUDFLARE_API_TOKEN; HF_TOKEN in the environment to analyse gated models.`;

interface Run {
  code: number;
  stdout: string;
}

function run(command: string, args: string[], options: { input?: string; quiet?: boolean } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d;
      if (!options.quiet) process.stdout.write(d);
    });
    child.once("error", fail);
    child.once("exit", (code) => done({ code: code ?? 1, stdout }));
    child.stdin.end(options.input ?? "");
  });
}

const wrangler = (args: string[], options?: { quiet?: boolean }) => run(join(ROOT, "node_modules", ".bin", "wrangler"), args, options);

async function must(step: string, result: Promise<Run>): Promise<string> {
  const { code, stdout } = await result;
  if (code !== 0) throw new Error(`${step} failed (exit ${code})`);
  return stdout;
}

/** The id of the KV namespace titled KV_TITLE, created when the account has none. */
async function kvNamespaceId(): Promise<string> {
  const listed = JSON.parse(await must("listing KV namespaces", wrangler(["kv", "namespace", "list"], { quiet: true }))) as { id: string; title: string }[];
  const found = listed.find((n) => n.title === KV_TITLE);
  if (found) return found.id;
  const created = await must(`creating the KV namespace ${KV_TITLE}`, wrangler(["kv", "namespace", "create", KV_TITLE]));
  const id = /"?id"?\s*[:=]\s*"([0-9a-f]{32})"/.exec(created)?.[1];
  if (!id) throw new Error(`wrangler created ${KV_TITLE} but its id could not be read from what it printed`);
  return id;
}

async function ensureQueue(): Promise<void> {
  const listed = await must("listing queues", wrangler(["queues", "list"], { quiet: true }));
  if (!new RegExp(`\\b${QUEUE}\\b`).test(listed)) await must(`creating the queue ${QUEUE}`, wrangler(["queues", "create", QUEUE]));
}

/** The live service's origin when it answers its API, for the site's reports. */
async function liveService(siteUrl: string): Promise<string | null> {
  try {
    const response = await fetch(`${siteUrl}/api/reports?limit=1`, { signal: AbortSignal.timeout(10_000) });
    return response.ok ? siteUrl : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "site-url": { type: "string" },
      domain: { type: "string" },
      reports: { type: "string" },
      out: { type: "string" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  const OUT = resolve(values.out ?? join(ROOT, ".wrangler", "deploy"));
  if (values.help) return console.log(USAGE);
  const dryRun = values["dry-run"] === true;
  const siteUrl = values["site-url"] ?? (values.domain ? `https://${values.domain}` : undefined);
  if (!siteUrl || !/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(siteUrl.replace(/\/+$/, ""))) throw new Error(`--site-url must be the https origin of the service\n\n${USAGE}`);
  if (values.domain && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(values.domain)) throw new Error(`--domain must be a host name, got ${JSON.stringify(values.domain)}`);
  if (!existsSync(join(ROOT, "build", "heavytail-linalg.wasm"))) await must("building the WASM kernels", run("npm", ["run", "-s", "build:wasm"]));

  if (!dryRun) await must("checking the Cloudflare login (wrangler login, or CLOUDFLARE_API_TOKEN)", wrangler(["whoami"]));
  const kvId = dryRun ? undefined : await kvNamespaceId();
  if (!dryRun) await ensureQueue();

  console.log(`\n== the site, for ${siteUrl}`);
  const site = join(OUT, "site");
  const empty = mkdtempSync(join(tmpdir(), "heavytail-no-reports-"));
  try {
    const reports = values.reports ? (/^https?:/.test(values.reports) ? values.reports : resolve(values.reports)) : ((dryRun ? null : await liveService(siteUrl)) ?? empty);
    await must("building the site", run("npm", ["run", "-s", "site:build", "--", "--from", reports, "--site", siteUrl, "--out", site]));
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }

  const [web, tasks] = await writeWorkerConfigs(ROOT, join(OUT, "config"), { assets: site, kvNamespaceId: kvId, domain: values.domain });
  const token = process.env.HF_TOKEN;
  // the secret travels in a file only for the length of the deploy, readable by this user alone
  const secrets = token && !dryRun ? mkdtempSync(join(tmpdir(), "heavytail-secrets-")) : null;
  try {
    const secretArgs = secrets ? ["--secrets-file", join(secrets, "secrets.env")] : [];
    if (secrets) writeFileSync(join(secrets, "secrets.env"), `HF_TOKEN=${JSON.stringify(token)}\n`, { mode: 0o600 });
    // the web Worker defines the job objects the tasks Worker binds to, so it goes first
    for (const [name, config] of [["web", web], ["tasks", tasks]] as const) {
      console.log(`\n== the ${name} Worker${dryRun ? " (dry run)" : ""}`);
      const args = ["deploy", "-c", config, ...(dryRun ? ["--dry-run", "--outdir", join(OUT, `dist-${name}`)] : secretArgs)];
      await must(`deploying the ${name} Worker`, wrangler(args));
    }
  } finally {
    if (secrets) rmSync(secrets, { recursive: true, force: true });
  }
  console.log(
    dryRun
      ? `\ndeploy --dry-run: configs, site and bundles are in ${OUT}; nothing was deployed.`
      : `\nheavytail is deployed: ${siteUrl}${token ? "" : " (no HF_TOKEN given: gated models will be refused)"}`,
  );
}

main().catch((error: Error) => {
  console.error(`deploy: ${error.message}`);
  process.exit(1);
});
