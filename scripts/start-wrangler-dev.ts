import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { writeDevVars, writeWorkerConfigs } from "./write-worker-configs.ts";

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
   * Kills wrangler and its workerd processes at once (SIGKILL, no shutdown): every invocation in
   * progress is cut off and the local queue's messages are lost (they live in memory), while KV and
   * Durable Object storage (alarms included) stay in `persistTo` for a service started on it again.
   */
  kill(): Promise<void>;
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
  const configDir = join(options.persistTo, "config");
  const configs = await writeWorkerConfigs(options.root, configDir, { assets: options.assets });
  await writeDevVars(configDir, { ...options.vars, ...options.secrets });
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
    async kill() {
      process.kill(-child.pid!, "SIGKILL");
      await exited;
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
