import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";

export interface WranglerDevOptions {
  /** repository root (where wrangler.toml is) */
  root: string;
  /** Worker vars to set (HF_ENDPOINT, TASK_TIMEOUT_SECONDS, …); wrangler prints these */
  vars: Record<string, string>;
  /** secrets (HF_TOKEN), passed in an env file so wrangler shows them as hidden */
  secrets?: Record<string, string>;
  /** folder for local KV, Durable Object and queue state */
  persistTo: string;
  /** file that receives wrangler's output */
  logFile: string;
  /** fixed port; a free one when left out */
  port?: number;
  /** a built site to serve instead of site/dist */
  assets?: string;
  /** how long to wait for the service to answer */
  readyTimeoutMs?: number;
}

export interface WranglerDev {
  url: string;
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
 * Runs `wrangler dev` on 127.0.0.1 offline (no Cloudflare account, no metrics, no cf fetch) with
 * local KV, Queues and Durable Objects, and waits until the service answers.
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
  const args = [
    "dev", "-c", "wrangler.toml", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort),
    "--persist-to", options.persistTo, "--show-interactive-dev-session=false", "--log-level", "info",
    ...Object.entries(options.vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
    ...(options.assets ? ["--assets", options.assets] : []),
  ];
  const secrets = Object.entries(options.secrets ?? {});
  if (secrets.length > 0) {
    const envFile = join(options.persistTo, "secrets.env");
    await writeFile(envFile, secrets.map(([k, v]) => `${k}=${v}\n`).join(""), { mode: 0o600 });
    args.push("--env-file", envFile);
  }
  const log = createWriteStream(options.logFile);
  const child = spawn(join(options.root, "node_modules", ".bin", "wrangler"), args, {
    cwd: options.root,
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  for (;;) {
    const code = await Promise.race([exited, new Promise<undefined>((r) => setTimeout(r, 500))]);
    if (code !== undefined) throw new Error(`wrangler dev exited (${code}) before answering; see ${options.logFile}`);
    try {
      const response = await fetch(`${url}/api/leaderboard?limit=1`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop(child, exited);
      throw new Error(`wrangler dev did not answer within ${options.readyTimeoutMs ?? 90_000} ms; see ${options.logFile}`);
    }
  }
  return { url, stop: () => stop(child, exited) };
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
