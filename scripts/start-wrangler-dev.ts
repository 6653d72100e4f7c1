import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, utimes, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { isAbsolute, join, resolve } from "node:path";

/** The service's two Workers, in the order `wrangler dev` takes them (the first one answers HTTP). */
export const WORKER_CONFIGS = ["wrangler.toml", "wrangler.tasks.toml"] as const;

export interface WranglerDevOptions {
  /** repository root (where wrangler.toml is) */
  root: string;
  /** Worker vars to set for both Workers (HF_ENDPOINT, TASK_LEASE_SECONDS, …) */
  vars: Record<string, string>;
  /** secrets (HF_TOKEN), likewise; wrangler shows them as hidden */
  secrets?: Record<string, string>;
  /** folder for local KV, Durable Object and queue state */
  persistTo: string;
  /** file that receives wrangler's output; wrangler's own stdout and stderr when absent */
  logFile?: string;
  /** fixed port; a free one when left out */
  port?: number;
  /** a built site to serve instead of site/dist */
  assets?: string;
  /** how long to wait for the service to answer */
  readyTimeoutMs?: number;
}

export interface WranglerDev {
  url: string;
  /**
   * Makes wrangler reload both Workers, as it does when a source file changes: every invocation in
   * progress is cut off and the local queue's messages are lost (they live in memory), while KV and
   * Durable Object storage persist. What a crash of every consumer at once looks like to a job.
   */
  reload(): Promise<void>;
  stop(): Promise<void>;
}

/** Any free port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The two Workers' configs rewritten into `dir` with absolute paths, and a `.dev.vars` beside them:
 * `wrangler dev` gives `--var` and `--env-file` to its first Worker only, but reads each config's
 * own `.dev.vars`, so this is how both Workers get the same Hub and settings.
 */
export async function writeDevConfigs(root: string, dir: string, vars: Record<string, string>, assets?: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const name of WORKER_CONFIGS) {
    const text = await readFile(join(root, name), "utf8");
    const absolute = (path: string) => (isAbsolute(path) ? path : resolve(root, path));
    const rewritten = text
      .replace(/^main = "([^"]+)"$/m, (_, path: string) => `main = ${JSON.stringify(absolute(path))}`)
      .replace(/^directory = "([^"]+)"$/m, (_, path: string) => `directory = ${JSON.stringify(assets ?? absolute(path))}`);
    const path = join(dir, name);
    await writeFile(path, rewritten);
    paths.push(path);
  }
  const lines = Object.entries(vars).map(([k, v]) => {
    if (!/^[A-Z_][A-Z0-9_]*$/.test(k) || /[\r\n]/.test(v)) throw new Error(`cannot pass ${JSON.stringify(k)} to wrangler dev`);
    return `${k}=${JSON.stringify(v)}\n`;
  });
  await writeFile(join(dir, ".dev.vars"), lines.join(""), { mode: 0o600 });
  return paths;
}

/**
 * Runs `wrangler dev` on 127.0.0.1 offline (no Cloudflare account, no metrics, no cf fetch) with
 * both Workers (web and tasks), local KV, Queues and Durable Objects, and waits until the service
 * answers.
 */
export async function startWranglerDev(options: WranglerDevOptions): Promise<WranglerDev> {
  // the Worker imports the precompiled kernels (functions/engine.ts); npm ci builds them through `prepare`
  if (!existsSync(join(options.root, "build", "heavytail-linalg.wasm"))) {
    throw new Error("build/heavytail-linalg.wasm is missing: run `npm run build:wasm` first");
  }
  const port = options.port ?? (await freePort());
  const inspectorPort = await freePort();
  await mkdir(options.persistTo, { recursive: true });
  // wrangler refuses an assets directory that does not exist; a fresh clone has no built site yet
  await mkdir(join(options.root, "site", "dist"), { recursive: true });
  const configs = await writeDevConfigs(options.root, join(options.persistTo, "config"), { ...options.vars, ...options.secrets }, options.assets);
  const args = [
    "dev", ...configs.flatMap((c) => ["-c", c]), "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort),
    "--persist-to", options.persistTo, "--show-interactive-dev-session=false", "--log-level", "info",
  ];
  const child = spawn(join(options.root, "node_modules", ".bin", "wrangler"), args, {
    cwd: options.root,
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    stdio: ["ignore", options.logFile ? "pipe" : "inherit", options.logFile ? "pipe" : "inherit"],
    detached: true,
  });
  if (options.logFile) {
    const log = createWriteStream(options.logFile);
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
  }
  const where = options.logFile ? `; see ${options.logFile}` : "";
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  for (;;) {
    const code = await Promise.race([exited, new Promise<undefined>((r) => setTimeout(r, 500))]);
    if (code !== undefined) throw new Error(`wrangler dev exited (${code}) before answering${where}`);
    try {
      const response = await fetch(`${url}/api/leaderboard?limit=1`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop(child, exited);
      throw new Error(`wrangler dev did not answer within ${options.readyTimeoutMs ?? 90_000} ms${where}`);
    }
  }
  return {
    url,
    async reload() {
      const now = new Date();
      await utimes(configs[0], now, now);
    },
    stop: () => stop(child, exited),
  };
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // wrangler starts workerd as a child: end the whole process group it leads
  process.kill(-child.pid!, "SIGTERM");
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}
