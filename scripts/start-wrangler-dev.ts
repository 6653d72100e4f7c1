import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { connect, createServer } from "node:net";
import { join } from "node:path";
import { createBoundedLog, type BoundedLog } from "./bounded-log.ts";
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
  /** how many times the service stopped on its own and a start again on its state was begun */
  restarts(): number;
  /** the launcher's notes, as written to the log: why each restart was begun and whether it was refused */
  notes(): readonly string[];
  /**
   * Kills wrangler and its workerd processes at once (SIGKILL, no shutdown): every invocation in
   * progress is cut off and the local queue's messages are lost (they live in memory), while KV and
   * Durable Object storage (alarms included) stay in `persistTo` for a service started on it again.
   * A killed service is not started again.
   */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** one wrangler dev process, started and answering */
interface Running {
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Restarts allowed within RESTART_WINDOW_MS before the service is left down: one that cannot stay up is a bug to see, not to hide. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 10 * 60_000;
/** How long the port may refuse connections while wrangler still runs before it counts as down (a busy Worker still accepts them). */
const REFUSED_FOR_MS = 20_000;

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

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.setTimeout(5000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(true)));
    socket.once("error", (error: NodeJS.ErrnoException) => (socket.destroy(), resolve(error.code !== "ECONNREFUSED")));
  });
}

/**
 * Runs `wrangler dev` on 127.0.0.1 offline (no Cloudflare account, no metrics, no cf fetch) with
 * both Workers (web and tasks), local KV, Queues and Durable Objects, and waits until the service
 * answers.
 *
 * The service is started again on its state, on the same port, when it stops on its own: wrangler
 * 4.86 (the last for Node 20) ends the whole dev server when one request its proxy passes to the
 * Worker fails in transit (cloudflare/workers-sdk#15317, fixed in releases that need Node 22), and a
 * crashed workerd leaves its port refusing connections. Jobs survive it as they survive a deploy:
 * their Durable Objects re-send the tasks that were lost with it.
 */
export async function startWranglerDev(options: WranglerDevOptions): Promise<WranglerDev> {
  // the Worker imports the precompiled kernels (functions/engine.ts); npm ci builds them through `prepare`
  if (!existsSync(join(options.root, "build", "heavytail-linalg.wasm"))) {
    throw new Error("build/heavytail-linalg.wasm is missing: run `npm run build:wasm` first");
  }
  const port = options.port ?? (await freePort());
  await mkdir(options.persistTo, { recursive: true });
  // wrangler refuses an assets directory that does not exist; a fresh clone has no built site yet
  await mkdir(join(options.root, "site", "dist"), { recursive: true });
  const configDir = join(options.persistTo, "config");
  const configs = await writeWorkerConfigs(options.root, configDir, { assets: options.assets });
  await writeDevVars(configDir, { ...options.vars, ...options.secrets });
  const log = options.logFile ? createBoundedLog(options.logFile) : undefined;
  const url = `http://127.0.0.1:${port}`;
  const notes: string[] = [];
  const note = (line: string) => {
    notes.push(line);
    if (log) log.note(line);
    else console.error(`[heavytail] ${line}`);
  };

  let running = await launch(options, configs, port, log);
  let ended = false;
  /** the restart under way, which stop() and kill() wait for so that no service outlives them */
  let restarting: Promise<void> | undefined;
  const restartedAt: number[] = [];
  const restart = async (why: string): Promise<void> => {
    while (!ended) {
      const recent = restartedAt.filter((at) => Date.now() - at < RESTART_WINDOW_MS).length;
      if (recent >= MAX_RESTARTS) return void note(`${why}; not started again: ${recent} restarts in ${RESTART_WINDOW_MS / 60_000} minutes`);
      restartedAt.push(Date.now());
      note(`${why}; starting it again on its state (restart ${restartedAt.length})`);
      try {
        running = await launch(options, configs, port, log);
        if (!ended) watch(running);
        return;
      } catch (error) {
        why = (error as Error).message;
      }
    }
  };
  const watch = (current: Running) => {
    let down = false;
    let refusedSince: number | undefined;
    const fallen = (why: string) => {
      down = true;
      clearInterval(probe);
      restarting = restart(why);
    };
    const probe = setInterval(async () => {
      if (ended || down) return clearInterval(probe);
      if (await accepts(port)) return void (refusedSince = undefined);
      refusedSince ??= Date.now();
      if (Date.now() - refusedSince < REFUSED_FOR_MS || ended || down) return;
      // down before the kill: its exit must not count as falling over on its own
      down = true;
      await end(current, "SIGKILL");
      fallen(`the service refused connections for ${REFUSED_FOR_MS / 1000} s while wrangler ran`);
    }, 5000);
    void current.exited.then((code) => {
      clearInterval(probe);
      if (ended || down) return;
      // whatever of its workerd processes outlived it
      signalGroup(current.child, "SIGKILL");
      fallen(`wrangler dev exited (${code}) on its own`);
    });
  };
  watch(running);

  const finish = async (signal: "SIGTERM" | "SIGKILL") => {
    ended = true;
    await restarting;
    await end(running, signal);
    await log?.end();
  };
  return { url, restarts: () => restartedAt.length, notes: () => notes, kill: () => finish("SIGKILL"), stop: () => finish("SIGTERM") };
}

/** Starts one wrangler dev and waits until it answers. */
async function launch(options: WranglerDevOptions, configs: string[], port: number, log: BoundedLog | undefined): Promise<Running> {
  const inspectorPort = await freePort();
  const args = [
    "dev", ...configs.flatMap((c) => ["-c", c]), "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort),
    "--persist-to", options.persistTo, "--show-interactive-dev-session=false", "--log-level", "info",
  ];
  const child = spawn(join(options.root, "node_modules", ".bin", "wrangler"), args, {
    cwd: options.root,
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    stdio: ["ignore", log ? "pipe" : "inherit", log ? "pipe" : "inherit"],
    detached: true,
  });
  if (log) {
    log.follow(child.stdout!);
    log.follow(child.stderr!);
  }
  const where = options.logFile ? `; see ${options.logFile}` : "";
  const running: Running = { child, exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))) };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  for (;;) {
    const code = await Promise.race([running.exited, new Promise<undefined>((r) => setTimeout(r, 500))]);
    if (code !== undefined) throw new Error(`wrangler dev exited (${code}) before answering${where}`);
    try {
      const response = await fetch(`${url}/api/leaderboard?limit=1`);
      if (response.status === 200) return running;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await end(running, "SIGTERM");
      throw new Error(`wrangler dev did not answer within ${options.readyTimeoutMs ?? 90_000} ms${where}`);
    }
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** Ends wrangler and the workerd processes it started (its process group); SIGTERM turns into SIGKILL after 5 s. */
async function end({ child, exited }: Running, signal: "SIGTERM" | "SIGKILL"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child, signal);
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
