import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileTail } from "./read-file-tail.ts";

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "heavytail-tail-"))));
afterAll(async () => void (await rm(dir, { recursive: true, force: true })));

describe("readFileTail", () => {
  it("gives the last lines of a small file whole", async () => {
    await writeFile(join(dir, "small.log"), "one\ntwo\nthree\n");
    expect(await readFileTail(join(dir, "small.log"), 2)).toBe("three\n");
    expect(await readFileTail(join(dir, "small.log"), 10)).toBe("one\ntwo\nthree\n");
  });

  it("reads only the end of a large file and leaves out the line it cut through", async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `line ${i}`);
    await writeFile(join(dir, "large.log"), lines.join("\n"));
    const tail = await readFileTail(join(dir, "large.log"), 1000, 100);
    expect(tail.length).toBeLessThanOrEqual(100);
    expect(tail.split("\n").every((l) => lines.includes(l))).toBe(true);
    expect(tail.endsWith("line 9999")).toBe(true);
  });

  it("gives nothing for a file that is not there", async () => {
    expect(await readFileTail(join(dir, "missing.log"), 5)).toBe("");
  });
});
