// The CLI as a process: it prints its URL, serves, and exits cleanly on SIGTERM and SIGINT.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { makeTestRepos } from "./test-support.ts";

const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");
const CLI = join(process.cwd(), "test", "mock-hub", "cli.ts");

let root: string;
let hubDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  ({ root, hubDir } = await makeTestRepos());
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function start(args: string[]): { child: ChildProcess; url: Promise<string>; stderr: () => string } {
  const child = spawn(TSX, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const match = /mock hub listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`exited ${code} before listening: ${err}`)));
  });
  // a test that expects the process to fail never awaits the URL
  url.catch(() => undefined);
  return { child, url, stderr: () => err };
}

describe("mock hub CLI", () => {
  it("serves --dir and --repo mounts until SIGTERM", async () => {
    const { child, url } = start(["--port", "0", "--dir", hubDir, "--repo", `mounted/tiny=${join(hubDir, "org", "tiny-gpt2")}`]);
    const base = await url;
    const info = await (await fetch(`${base}/api/models/mounted/tiny`)).json();
    expect(info.config.model_type).toBe("gpt2");
    expect((await fetch(`${base}/api/models/gpt2-legacy`)).status).toBe(200);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("exits cleanly on SIGINT", async () => {
    const { child, url } = start(["--dir", hubDir]);
    await url;
    child.kill("SIGINT");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("exits 2 with the usage on bad arguments", async () => {
    const { child, stderr } = start(["--port", "nope"]);
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(stderr()).toMatch(/--port needs an integer[\s\S]*usage: npm run hub/);
  });
});
