// The mock through the client the product uses: @huggingface/hub 2.17.5 with hubUrl pointed at it.
import { downloadFile, fileDownloadInfo, fileExists, listFiles, modelInfo, type HubApiError } from "@huggingface/hub";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockHub } from "./create-mock-hub.ts";
import { GATED_TOKEN, makeTestRepos } from "./test-support.ts";
import type { MockHub } from "./types.ts";

let root: string;
let hubDir: string;
let hub: MockHub;
let clock = Date.now();

beforeAll(async () => {
  ({ root, hubDir } = await makeTestRepos());
  hub = await createMockHub({ dir: hubDir, repos: { "mounted/copy": join(hubDir, "org", "tiny-gpt2"), "h/case-test": join(hubDir, "org", "tiny-gpt2") }, now: () => clock, treePageSize: 3 });
});
afterAll(async () => {
  await hub.close();
  await rm(root, { recursive: true, force: true });
});

describe("createMockHub through @huggingface/hub", () => {
  it("answers modelInfo with the sha, siblings and config the product reads", async () => {
    const info = await modelInfo({ name: "org/tiny-gpt2", hubUrl: hub.url, additionalFields: ["sha", "filePaths", "config", "safetensors", "tags"] });
    expect(info.name).toBe("org/tiny-gpt2");
    expect(info.private).toBe(false);
    expect(info.gated).toBe(false);
    expect(info.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(info.config).toEqual({ architectures: ["GPT2LMHeadModel"], model_type: "gpt2" });
    expect(info.tags).toEqual(expect.arrayContaining(["safetensors", "gpt2"]));
    expect(info.filePaths).toEqual(["README.md", "config.json", "model.safetensors", "nested/deeper/notes.txt"]);
    // 1 block, hidden 32, vocab 100, 16 positions: wte + wpe + ln_f + the block's weights and biases + the mask
    const blockParams = 2 * 32 + 32 * 96 + 96 + 32 * 32 + 32 + 2 * 32 + 32 * 128 + 128 + 128 * 32 + 32;
    expect(info.safetensors).toEqual({ parameters: { F32: 100 * 32 + 16 * 32 + 2 * 32 + blockParams + 16 * 16 }, total: 100 * 32 + 16 * 32 + 2 * 32 + blockParams + 16 * 16 });
    const again = await modelInfo({ name: "org/tiny-gpt2", hubUrl: hub.url, revision: "main", additionalFields: ["sha"] });
    expect(again.sha).toBe(info.sha);
    const bySha = await modelInfo({ name: "org/tiny-gpt2", hubUrl: hub.url, revision: info.sha as string, additionalFields: ["sha"] });
    expect(bySha.sha).toBe(info.sha);
  });

  it("serves legacy ids and explicit mounts, the same content giving the same sha", async () => {
    const legacy = await modelInfo({ name: "gpt2-legacy", hubUrl: hub.url, additionalFields: ["config"] });
    expect(legacy.name).toBe("gpt2-legacy");
    expect(legacy.config).toEqual({ model_type: "gpt2" });
    const mounted = await modelInfo({ name: "mounted/copy", hubUrl: hub.url, additionalFields: ["sha"] });
    const original = await modelInfo({ name: "org/tiny-gpt2", hubUrl: hub.url, additionalFields: ["sha"] });
    expect(mounted.sha).toBe(original.sha);
  });

  it("matches ids whatever their case, as the Hub does, and answers the repo's own spelling", async () => {
    const info = await modelInfo({ name: "H/CASE-TEST", hubUrl: hub.url, additionalFields: ["sha"] });
    expect(info.name).toBe("h/case-test");
    expect((await modelInfo({ name: "ORG/Tiny-GPT2", hubUrl: hub.url })).name).toBe("org/tiny-gpt2");
    const files: string[] = [];
    for await (const f of listFiles({ repo: "H/Case-Test", hubUrl: hub.url, revision: info.sha as string })) files.push(f.path);
    expect(files).toEqual(["README.md", "config.json", "model.safetensors", "nested"]);
    const weights = await readFile(join(hubDir, "org", "tiny-gpt2", "model.safetensors"));
    const blob = await downloadFile({ repo: "H/CASE-TEST", path: "model.safetensors", hubUrl: hub.url });
    expect(Buffer.from(await blob!.arrayBuffer()).equals(weights)).toBe(true);
    // the resolve named the repo in another case; the CDN URL it handed out names it in its own
    expect(hub.requests.some((r) => r.path.startsWith("/cdn/h%2Fcase-test/") && r.status === 200)).toBe(true);
  });

  it("rejects unknown repos and revisions with the Hub's codes", async () => {
    const missing = await modelInfo({ name: "org/nope", hubUrl: hub.url }).catch((e: HubApiError) => e);
    expect((missing as HubApiError).statusCode).toBe(401);
    const missingWithToken = await modelInfo({ name: "org/nope", hubUrl: hub.url, accessToken: "hf_anything" }).catch((e: HubApiError) => e);
    expect((missingWithToken as HubApiError).statusCode).toBe(404);
    const badRev = await modelInfo({ name: "org/tiny-gpt2", hubUrl: hub.url, revision: "v9.9" }).catch((e: HubApiError) => e);
    expect((badRev as HubApiError).statusCode).toBe(404);
    expect((badRev as HubApiError).message).toContain("Invalid rev id: v9.9");
  });

  it("lists files through the tree's pages", async () => {
    const all = [];
    for await (const entry of listFiles({ repo: "org/tiny-gpt2", hubUrl: hub.url, recursive: true })) all.push(entry);
    expect(all.map((e) => `${e.type}:${e.path}`)).toEqual([
      "file:README.md",
      "file:config.json",
      "file:model.safetensors",
      "directory:nested",
      "directory:nested/deeper",
      "file:nested/deeper/notes.txt",
    ]);
    const weights = all.find((e) => e.path === "model.safetensors")!;
    const bytes = await readFile(join(hubDir, "org", "tiny-gpt2", "model.safetensors"));
    expect(weights.size).toBe(bytes.length);
    expect(weights.lfs).toMatchObject({ size: bytes.length, oid: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(weights.xetHash).toMatch(/^[0-9a-f]{64}$/);
    expect(all.find((e) => e.path === "config.json")!.lfs).toBeUndefined();
    // listing 6 entries three at a time takes two pages
    expect(hub.requests.filter((r) => r.path === "/api/models/org/tiny-gpt2/tree/main")).toHaveLength(2);

    const top = [];
    for await (const entry of listFiles({ repo: "org/tiny-gpt2", hubUrl: hub.url })) top.push(entry.path);
    expect(top).toEqual(["README.md", "config.json", "model.safetensors", "nested"]);
    const sub = [];
    for await (const entry of listFiles({ repo: "org/tiny-gpt2", hubUrl: hub.url, path: "nested", recursive: true })) sub.push(entry.path);
    expect(sub).toEqual(["nested/deeper", "nested/deeper/notes.txt"]);
    const sha = (await modelInfo({ name: "org/tiny-gpt2", hubUrl: hub.url, additionalFields: ["sha"] })).sha;
    for await (const entry of listFiles({ repo: "org/tiny-gpt2", hubUrl: hub.url, expand: true })) {
      expect(entry.lastCommit).toMatchObject({ id: sha, title: expect.any(String) });
    }
  });

  it("downloads an LFS file through the CDN redirect, whole and in ranges", async () => {
    const bytes = await readFile(join(hubDir, "org", "tiny-gpt2", "model.safetensors"));
    const info = await fileDownloadInfo({ repo: "org/tiny-gpt2", path: "model.safetensors", hubUrl: hub.url });
    expect(info).not.toBeNull();
    expect(info!.size).toBe(bytes.length);
    expect(info!.xet).toBeUndefined();
    expect(info!.url).toMatch(new RegExp(`^${hub.url}/cdn/org%2Ftiny-gpt2/[0-9a-f]{64}/model\\.safetensors\\?Expires=\\d+&Signature=[0-9a-f]{64}$`));
    const blob = await downloadFile({ repo: "org/tiny-gpt2", path: "model.safetensors", hubUrl: hub.url });
    expect(blob!.size).toBe(bytes.length);
    const slice = new Uint8Array(await blob!.slice(8, 1000).arrayBuffer());
    expect(Buffer.from(slice).equals(bytes.subarray(8, 1000))).toBe(true);
    expect(Buffer.from(await blob!.arrayBuffer()).equals(bytes)).toBe(true);
    expect(hub.requests.some((r) => r.path.startsWith("/cdn/") && r.range === "bytes=8-999" && r.status === 206)).toBe(true);
  });

  it("downloads a small file directly, and fileExists sees files but not folders or absent names", async () => {
    const blob = await downloadFile({ repo: "org/tiny-gpt2", path: "config.json", hubUrl: hub.url });
    expect(JSON.parse(await blob!.text()).model_type).toBe("gpt2");
    expect(await fileExists({ repo: "org/tiny-gpt2", path: "config.json", hubUrl: hub.url })).toBe(true);
    expect(await fileExists({ repo: "org/tiny-gpt2", path: "model.safetensors", hubUrl: hub.url })).toBe(true);
    expect(await fileExists({ repo: "org/tiny-gpt2", path: "nested/deeper/notes.txt", hubUrl: hub.url })).toBe(true);
    expect(await fileExists({ repo: "org/tiny-gpt2", path: "nested", hubUrl: hub.url })).toBe(false);
    expect(await fileExists({ repo: "org/tiny-gpt2", path: "absent.bin", hubUrl: hub.url })).toBe(false);
    expect(await downloadFile({ repo: "org/tiny-gpt2", path: "absent.bin", hubUrl: hub.url })).toBeNull();
  });

  it("never serves a symlink out of the repo", async () => {
    expect(await fileExists({ repo: "org/tiny-gpt2", path: "link.txt", hubUrl: hub.url })).toBe(false);
  });

  it("needs the token for a gated repo's files, not for its model info", async () => {
    const info = await modelInfo({ name: "org/gated", hubUrl: hub.url });
    expect(info.gated).toBe("manual");
    const anonymous = await downloadFile({ repo: "org/gated", path: "weights.bin", hubUrl: hub.url }).catch((e: HubApiError) => e);
    expect((anonymous as HubApiError).statusCode).toBe(401);
    const wrong = await downloadFile({ repo: "org/gated", path: "weights.bin", hubUrl: hub.url, accessToken: "hf_wrong" }).catch((e: HubApiError) => e);
    expect((wrong as HubApiError).statusCode).toBe(403);
    const blob = await downloadFile({ repo: "org/gated", path: "weights.bin", hubUrl: hub.url, accessToken: GATED_TOKEN });
    expect(Buffer.from(await blob!.arrayBuffer()).equals(Buffer.alloc(20_000, 7))).toBe(true);
  });

  it("makes a signed URL fail with 403 once it expires, and a fresh resolve works", async () => {
    const blob = await downloadFile({ repo: "org/tiny-gpt2", path: "model.safetensors", hubUrl: hub.url });
    clock += 3600 * 1000 + 1;
    const expired = await blob!.slice(0, 8).arrayBuffer().catch((e: HubApiError) => e);
    expect((expired as HubApiError).statusCode).toBe(403);
    const fresh = await downloadFile({ repo: "org/tiny-gpt2", path: "model.safetensors", hubUrl: hub.url });
    expect((await fresh!.slice(0, 8).arrayBuffer()).byteLength).toBe(8);
  });

  it("gives the repo a new sha when its content changes", async () => {
    const before = (await modelInfo({ name: "org/tiny-gpt2", hubUrl: hub.url, additionalFields: ["sha"] })).sha;
    const readme = join(hubDir, "org", "tiny-gpt2", "README.md");
    await writeFile(readme, "# tiny gpt2, edited\n");
    const after = (await modelInfo({ name: "org/tiny-gpt2", hubUrl: hub.url, additionalFields: ["sha"] })).sha;
    expect(after).not.toBe(before);
    const old = await modelInfo({ name: "org/tiny-gpt2", hubUrl: hub.url, revision: before as string }).catch((e: HubApiError) => e);
    expect((old as HubApiError).statusCode).toBe(404);
  });
});

describe("createMockHub options", () => {
  it("refuses bad ids, missing folders and an empty configuration", async () => {
    await expect(createMockHub({})).rejects.toMatchObject({ code: "NoRepos" });
    await expect(createMockHub({ repos: { "a/../b": root } })).rejects.toMatchObject({ code: "BadRepoId" });
    await expect(createMockHub({ repos: { "a/b": root, "A/b": root } })).rejects.toMatchObject({ code: "BadRepoId", message: expect.stringContaining("differ only in case") });
    await expect(createMockHub({ repos: { "a/b": join(root, "absent") } })).rejects.toMatchObject({ code: "BadFolder" });
    await expect(createMockHub({ dir: join(root, "absent") })).rejects.toMatchObject({ code: "BadFolder" });
    await expect(createMockHub({ dir: root, treePageSize: 0 })).rejects.toMatchObject({ code: "BadOption" });
  });
});
