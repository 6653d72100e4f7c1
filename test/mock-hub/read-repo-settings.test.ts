import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRepoSettings } from "./read-repo-settings.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "heavytail-settings-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function settings(text: string) {
  await writeFile(join(dir, ".mockhub.json"), text);
  return readRepoSettings(dir);
}

describe("readRepoSettings", () => {
  it("reads nothing as no settings", async () => {
    expect(await readRepoSettings(join(dir, "absent"))).toEqual({});
  });

  it("reads a full description, faults validated", async () => {
    const s = await settings(JSON.stringify({ gated: "auto", token: "hf_t", pipeline_tag: "text-generation", downloads: 5, faults: { rate429: { count: 2 } } }));
    expect(s).toEqual({ gated: "auto", token: "hf_t", pipeline_tag: "text-generation", downloads: 5, faults: { rate429: { count: 2, retryAfter: 1 } } });
  });

  it("refuses what it cannot honour, naming the file and the key", async () => {
    for (const [text, message] of [
      ["{", /not JSON/],
      ["[]", /JSON object/],
      [JSON.stringify({ gated: true }), /"token" must be set/],
      [JSON.stringify({ private: true, token: "abc" }), /"token" must be a string starting with "hf_"/],
      [JSON.stringify({ gatd: true }), /unknown key\(s\) gatd/],
      [JSON.stringify({ tags: [1] }), /"tags"/],
      [JSON.stringify({ faults: { rate429: { count: 1.5 } } }), /rate429.count/],
    ] as const) {
      await expect(settings(text), text).rejects.toMatchObject({ code: "BadSettings", message: expect.stringMatching(message) });
    }
  });
});
