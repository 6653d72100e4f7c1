import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoundedLog } from "../../scripts/bounded-log.ts";

// The local service's log (scripts/start-wrangler-dev.ts) stays readable when the runtime spins on an error.

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "heavytail-log-"))));
afterAll(async () => void (await rm(dir, { recursive: true, force: true })));

async function drained(output: PassThrough, ...chunks: string[]): Promise<void> {
  for (const chunk of chunks) output.write(chunk);
  output.end();
  await new Promise((resolve) => output.once("end", resolve));
}

describe("the service's bounded log", () => {
  it("keeps lines whole across chunks and from two outputs, and writes a repeated line once with its count", async () => {
    const path = join(dir, "repeats.log");
    const log = createBoundedLog(path);
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    log.follow(stdout);
    log.follow(stderr);
    await drained(stdout, "Ready on http://127", ".0.0.1:8787\naccept(): Too many open files\n", "accept(): Too many open files\n".repeat(999), "GET / 200\n");
    await drained(stderr, "a warning\n");
    log.note("wrangler dev exited (1) on its own");
    await log.end();
    expect((await readFile(path, "utf8")).split("\n")).toEqual([
      "Ready on http://127.0.0.1:8787",
      "accept(): Too many open files",
      "[heavytail] the line above came 999 more times",
      "GET / 200",
      "a warning",
      "[heavytail] wrangler dev exited (1) on its own",
      "",
    ]);
  });

  it("leaves out the output past its size, once, and still takes the launcher's notes", async () => {
    const path = join(dir, "capped.log");
    const log = createBoundedLog(path, 4096);
    const output = new PassThrough();
    log.follow(output);
    await drained(output, ...Array.from({ length: 1000 }, (_, i) => `line ${i}\n`));
    log.note("starting it again on its state (restart 1)");
    await log.end();
    const text = await readFile(path, "utf8");
    expect(text.length).toBeLessThan(4096 + 200);
    expect(text.match(/left out of this log/g)).toHaveLength(1);
    expect(text.endsWith("[heavytail] starting it again on its state (restart 1)\n")).toBe(true);
  });
});
