import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openModelFile } from "./open-model-file.ts";

describe("openModelFile", () => {
  it("reads a local file by its name in the folder", async () => {
    const folder = mkdtempSync(join(tmpdir(), "heavytail-location-"));
    writeFileSync(join(folder, "m.safetensors"), Uint8Array.from([1, 2, 3, 4]));
    const source = openModelFile({ kind: "local", folder })("m.safetensors");
    expect(await source.size()).toBe(4);
    expect([...(await source.read(1, 2))]).toEqual([2, 3]);
  });

  it("names a Hub file by its resolve URL, path segments escaped, the token never in the name", () => {
    const source = openModelFile({ kind: "hub", hubUrl: "https://hub.example", id: "org/m", sha: "abc", token: "hf_secret" })("sub dir/m#1.gguf");
    expect(source.name).toContain("https://hub.example/org/m/resolve/abc/sub%20dir/m%231.gguf");
    expect(source.name).not.toContain("hf_secret");
  });
});
