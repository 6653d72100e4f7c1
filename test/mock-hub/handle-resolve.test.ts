// resolve, raw and the CDN at the HTTP level: status codes, headers, ranges, signatures.
import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockHub } from "./create-mock-hub.ts";
import { makeTestRepos, rawRequest } from "./test-support.ts";
import type { MockHub } from "./types.ts";

let root: string;
let hubDir: string;
let hub: MockHub;
let weights: Buffer;
let sha: string;
let clock = 1_700_000_000_000;

beforeAll(async () => {
  ({ root, hubDir } = await makeTestRepos());
  hub = await createMockHub({ dir: hubDir, now: () => clock, signatureTtlMs: 2000 });
  weights = await readFile(join(hubDir, "org", "tiny-gpt2", "model.safetensors"));
  sha = JSON.parse((await rawRequest(hub.url, "/api/models/org/tiny-gpt2?expand=sha")).body.toString()).sha;
});
afterAll(async () => {
  await hub.close();
  await rm(root, { recursive: true, force: true });
});

async function location(path = "/org/tiny-gpt2/resolve/main/model.safetensors"): Promise<string> {
  const res = await rawRequest(hub.url, path);
  expect(res.status).toBe(302);
  return String(res.headers.location).slice(hub.url.length);
}

describe("resolve", () => {
  it("redirects an LFS file with the Hub's headers", async () => {
    const res = await rawRequest(hub.url, "/org/tiny-gpt2/resolve/main/model.safetensors", { method: "HEAD" });
    const sha256 = createHash("sha256").update(weights).digest("hex");
    expect(res.status).toBe(302);
    expect(res.headers["x-repo-commit"]).toBe(sha);
    expect(res.headers["x-linked-size"]).toBe(String(weights.length));
    expect(res.headers["x-linked-etag"]).toBe(`"${sha256}"`);
    expect(res.headers["x-xet-hash"]).toMatch(/^[0-9a-f]{64}$/);
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(res.headers.location).toMatch(new RegExp(`^${hub.url}/cdn/org%2Ftiny-gpt2/${sha256}/model\\.safetensors\\?Expires=${clock + 2000}&Signature=[0-9a-f]{64}$`));
    expect(res.body.length).toBe(0);
  });

  it("serves a small file directly, with its git blob id as ETag, ranges included", async () => {
    const config = await readFile(join(hubDir, "org", "tiny-gpt2", "config.json"));
    const oid = createHash("sha1").update(`blob ${config.length}\0`).update(config).digest("hex");
    const whole = await rawRequest(hub.url, "/org/tiny-gpt2/resolve/main/config.json");
    expect(whole.status).toBe(200);
    expect(whole.headers.etag).toBe(`"${oid}"`);
    expect(whole.headers["x-repo-commit"]).toBe(sha);
    expect(whole.headers["content-type"]).toMatch(/^application\/json/);
    expect(whole.body.equals(config)).toBe(true);
    const part = await rawRequest(hub.url, "/org/tiny-gpt2/resolve/main/config.json", { headers: { Range: "bytes=0-0" } });
    expect(part.status).toBe(206);
    expect(part.headers["content-range"]).toBe(`bytes 0-0/${config.length}`);
    expect(part.body.equals(config.subarray(0, 1))).toBe(true);
  });

  it("accepts the commit sha and HEAD as revisions, and refuses others", async () => {
    expect((await rawRequest(hub.url, `/org/tiny-gpt2/resolve/${sha}/config.json`)).status).toBe(200);
    expect((await rawRequest(hub.url, "/org/tiny-gpt2/resolve/HEAD/config.json")).status).toBe(200);
    const bad = await rawRequest(hub.url, "/org/tiny-gpt2/resolve/refs%2Fpr%2F1/config.json");
    expect(bad.status).toBe(404);
    expect(bad.headers["x-error-code"]).toBe("RevisionNotFound");
  });

  it("answers a missing file 404 EntryNotFound and a missing repo RepoNotFound", async () => {
    const entry = await rawRequest(hub.url, "/org/tiny-gpt2/resolve/main/absent.safetensors");
    expect(entry.status).toBe(404);
    expect(entry.headers["x-error-code"]).toBe("EntryNotFound");
    expect(JSON.parse(entry.body.toString())).toEqual({ error: "Entry not found" });
    const repo = await rawRequest(hub.url, "/org/absent/resolve/main/config.json");
    expect(repo.status).toBe(401);
    expect(repo.headers["x-error-code"]).toBe("RepoNotFound");
    const repoWithToken = await rawRequest(hub.url, "/org/absent/resolve/main/config.json", { headers: { Authorization: "Bearer hf_x" } });
    expect(repoWithToken.status).toBe(404);
    expect(repoWithToken.headers["x-error-code"]).toBe("RepoNotFound");
  });

  it("answers raw for an LFS file with its git-lfs pointer", async () => {
    const res = await rawRequest(hub.url, "/org/tiny-gpt2/raw/main/model.safetensors");
    const sha256 = createHash("sha256").update(weights).digest("hex");
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(`version https://git-lfs.github.com/spec/v1\noid sha256:${sha256}\nsize ${weights.length}\n`);
    expect((await rawRequest(hub.url, "/org/tiny-gpt2/raw/main/model.safetensors", { method: "HEAD" })).status).toBe(200);
    expect((await rawRequest(hub.url, "/org/tiny-gpt2/raw/main/absent", { method: "HEAD" })).status).toBe(404);
  });

  it("serves the legacy id's files under /name/resolve", async () => {
    const res = await rawRequest(hub.url, "/gpt2-legacy/resolve/main/config.json");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toEqual({ model_type: "gpt2" });
  });
});

describe("the CDN target", () => {
  it("serves ranges with Content-Range, Accept-Ranges and the content's ETag", async () => {
    const path = await location();
    const sha256 = createHash("sha256").update(weights).digest("hex");
    for (const [range, start, end] of [
      ["bytes=0-7", 0, 7],
      ["bytes=100-", 100, weights.length - 1],
      ["bytes=-16", weights.length - 16, weights.length - 1],
      [`bytes=10-${weights.length + 50}`, 10, weights.length - 1],
    ] as const) {
      const res = await rawRequest(hub.url, path, { headers: { Range: range } });
      expect(res.status).toBe(206);
      expect(res.headers["content-range"]).toBe(`bytes ${start}-${end}/${weights.length}`);
      expect(res.headers["accept-ranges"]).toBe("bytes");
      expect(res.headers.etag).toBe(`"${sha256}"`);
      expect(res.body.equals(weights.subarray(start, end + 1))).toBe(true);
    }
    const whole = await rawRequest(hub.url, path);
    expect(whole.status).toBe(200);
    expect(whole.body.equals(weights)).toBe(true);
    const head = await rawRequest(hub.url, path, { method: "HEAD" });
    expect(head.headers["content-length"]).toBe(String(weights.length));
  });

  it("answers 416 for ranges it cannot serve", async () => {
    const path = await location();
    for (const range of [`bytes=${weights.length}-`, "bytes=9-3", "bytes=0-1,5-6", "items=0-1", "bytes=-0", "bytes=x-y"]) {
      const res = await rawRequest(hub.url, path, { headers: { Range: range } });
      expect(res.status, range).toBe(416);
      expect(res.headers["content-range"]).toBe(`bytes */${weights.length}`);
    }
  });

  it("refuses an expired signature with 403, and a fresh redirect works again", async () => {
    const path = await location();
    expect((await rawRequest(hub.url, path, { headers: { Range: "bytes=0-7" } })).status).toBe(206);
    clock += 1999;
    expect((await rawRequest(hub.url, path, { headers: { Range: "bytes=0-7" } })).status).toBe(206);
    clock += 1;
    const expired = await rawRequest(hub.url, path, { headers: { Range: "bytes=0-7" } });
    expect(expired.status).toBe(403);
    expect(expired.body.toString()).toContain("Request has expired");
    expect((await rawRequest(hub.url, await location(), { headers: { Range: "bytes=0-7" } })).status).toBe(206);
  });

  it("stops serving a URL signed before the file changed", async () => {
    const extra = join(hubDir, "org", "tiny-gpt2", "extra.bin");
    await writeFile(extra, Buffer.alloc(20_000, 1));
    const path = await location("/org/tiny-gpt2/resolve/main/extra.bin");
    expect((await rawRequest(hub.url, path)).status).toBe(200);
    await writeFile(extra, Buffer.alloc(20_000, 2));
    const stale = await rawRequest(hub.url, path);
    expect(stale.status).toBe(404);
    expect(stale.body.toString()).toContain("NoSuchKey");
    await rm(extra);
  });

  it("refuses a tampered signature, expiry or path with 403", async () => {
    const path = await location();
    const [pathname, query] = path.split("?");
    const params = new URLSearchParams(query);
    const later = new URLSearchParams(params);
    later.set("Expires", String(Number(params.get("Expires")) + 60_000));
    const forged = new URLSearchParams(params);
    forged.set("Signature", "0".repeat(64));
    for (const target of [`${pathname}?${later}`, `${pathname}?${forged}`, `${pathname.replace("model.safetensors", "config.json")}?${query}`, pathname]) {
      const res = await rawRequest(hub.url, target);
      expect(res.status, target).toBe(403);
      expect(res.body.toString()).toContain("SignatureDoesNotMatch");
    }
  });
});
