import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWranglerDev, type WranglerDev } from "../../scripts/start-wrangler-dev.ts";
import { createMockHub } from "../mock-hub/create-mock-hub.ts";
import type { MockHub } from "../mock-hub/types.ts";
import { readFileTail } from "../helpers/read-file-tail.ts";

// The local service stays up when wrangler dev does not: wrangler 4.86 exits on one request its
// proxy fails to pass on, and a crashed workerd leaves the port refusing connections. Either way
// the launcher starts it again on its state, on the same URL, and says so in its log.

const ROOT = resolve(import.meta.dirname, "../..");
const MODEL = "tesseract/eng_lstm";

let dir: string;
let hub: MockHub;
let service: WranglerDev;
let persistTo: string;

/** pid, process group and command line of every process on this machine */
function processes(): { pid: number; group: number; command: string }[] {
  return execFileSync("ps", ["-eo", "pid=,pgid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m) => m !== null)
    .map((m) => ({ pid: Number(m[1]), group: Number(m[2]), command: m[3]! }));
}

/** this service's wrangler process (the one started with its state folder) and the workerd processes in its group */
function serviceProcesses(): { wrangler: number; workerd: number[] } {
  const all = processes();
  const wrangler = all.find((p) => p.command.includes("wrangler-dist/cli.js dev") && p.command.includes(persistTo));
  if (!wrangler) throw new Error("no wrangler dev runs on this service's state");
  return { wrangler: wrangler.pid, workerd: all.filter((p) => p.group === wrangler.group && p.command.includes("workerd serve")).map((p) => p.pid) };
}

async function answersAgain(path: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${service.url}${path}`);
      if (response.status === 200) return response;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${service.url}${path} did not answer again in ${timeoutMs} ms:\n${await readFileTail(join(dir, "wrangler.log"), 200)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function restarted(times: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (service.restarts() < times) {
    if (Date.now() > deadline) throw new Error(`the service was started again ${service.restarts()} times in ${timeoutMs} ms, not ${times}:\n${await readFileTail(join(dir, "wrangler.log"), 200)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "heavytail-restarts-"));
  persistTo = join(dir, "state");
  hub = await createMockHub({ repos: { [MODEL]: join(ROOT, "test/fixtures/tesseract_eng_lstm") } });
  service = await startWranglerDev({ root: ROOT, vars: { HF_ENDPOINT: hub.url, TRIGGERS_PER_MINUTE: "1000" }, persistTo, logFile: join(dir, "wrangler.log") });
}, 300_000);

afterAll(async () => {
  await service?.stop();
  await hub?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the local service when wrangler dev stops on its own", () => {
  it("is started again on its state, on the same URL, when wrangler exits, and again when workerd dies under it", async () => {
    const started = await fetch(`${service.url}/api/analyze`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: MODEL }) });
    expect(started.status).toBe(202);
    const { key } = (await started.json()) as { key: string };
    const report = await (await answersAgain(`/api/reports/${key}`, 120_000)).text();

    // wrangler alone dies, as when its proxy fails a request
    process.kill(serviceProcesses().wrangler, "SIGKILL");
    await restarted(1, 30_000);
    expect(await (await answersAgain(`/api/reports/${key}`, 120_000)).text()).toBe(report);
    expect(service.restarts()).toBe(1);

    // the runtime dies under a wrangler that goes on
    for (const pid of serviceProcesses().workerd) process.kill(pid, "SIGKILL");
    await restarted(2, 60_000);
    expect(await (await answersAgain(`/api/reports/${key}`, 120_000)).text()).toBe(report);
    expect(service.restarts()).toBe(2);

    const log = await readFileTail(join(dir, "wrangler.log"), 200);
    expect(log).toMatch(/\[heavytail\] wrangler dev exited \(\w+\) on its own; starting it again on its state \(restart 1\)/);
    expect(log).toMatch(/\[heavytail\] .*; starting it again on its state \(restart 2\)/);
    expect(service.notes()).toEqual([expect.stringMatching(/\(restart 1\)$/), expect.stringMatching(/\(restart 2\)$/)]);
  }, 400_000);
});
