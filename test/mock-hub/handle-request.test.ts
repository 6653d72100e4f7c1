// Faults, access control, path traversal and the /__mock/ controls, at the HTTP level.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createMockHub } from "./create-mock-hub.ts";
import { PRIVATE_TOKEN, makeTestRepos, rawRequest } from "./test-support.ts";
import type { MockHub } from "./types.ts";

let root: string;
let hubDir: string;
let hub: MockHub;
let weights: Buffer;
let clock = 1_700_000_000_000;
const TINY = "/org/tiny-gpt2/resolve/main";

beforeAll(async () => {
  ({ root, hubDir } = await makeTestRepos());
  const faulty = join(hubDir, "org", "faulty");
  await mkdir(faulty, { recursive: true });
  await writeFile(join(faulty, "config.json"), "{}");
  await writeFile(join(faulty, ".mockhub.json"), JSON.stringify({ faults: { error5xx: { count: 1, status: 503 } } }));
  const broken = join(hubDir, "org", "broken-settings");
  await mkdir(broken, { recursive: true });
  await writeFile(join(broken, "config.json"), "{}");
  await writeFile(join(broken, ".mockhub.json"), JSON.stringify({ gated: "yes" }));
  hub = await createMockHub({ dir: hubDir, now: () => clock });
  weights = await readFile(join(hubDir, "org", "tiny-gpt2", "model.safetensors"));
});
afterAll(async () => {
  await hub.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  await rawRequest(hub.url, "/__mock/faults", { method: "DELETE" });
});

async function cdnPath(): Promise<string> {
  const res = await rawRequest(hub.url, `${TINY}/model.safetensors`);
  return String(res.headers.location).slice(hub.url.length);
}

describe("faults", () => {
  it("rate429 answers the next requests 429 with Retry-After, then recovers", async () => {
    hub.setFaults("org/tiny-gpt2", { rate429: { count: 2, retryAfter: 7 } });
    for (const path of ["/api/models/org/tiny-gpt2", `${TINY}/config.json`]) {
      const res = await rawRequest(hub.url, path);
      expect(res.status).toBe(429);
      expect(res.headers["retry-after"]).toBe("7");
    }
    expect((await rawRequest(hub.url, `${TINY}/config.json`)).status).toBe(200);
    expect(hub.requests.filter((r) => r.fault === "rate429")).toHaveLength(2);
  });

  it("error5xx answers the given status, also on the CDN", async () => {
    const path = await cdnPath();
    hub.setFaults("org/tiny-gpt2", { error5xx: { count: 1, status: 502 } });
    expect((await rawRequest(hub.url, path)).status).toBe(502);
    expect((await rawRequest(hub.url, path)).status).toBe(200);
  });

  it("faults in .mockhub.json apply from the first request", async () => {
    // the DELETE in beforeEach cleared faults in force; this repo has not been seen yet
    expect((await rawRequest(hub.url, "/api/models/org/faulty")).status).toBe(503);
    expect((await rawRequest(hub.url, "/api/models/org/faulty")).status).toBe(200);
  });

  it("dropAfterBytes cuts the connection mid-body, then bodies come whole again", async () => {
    const path = await cdnPath();
    hub.setFaults("org/tiny-gpt2", { dropAfterBytes: { count: 1, bytes: 1000 } });
    await expect(rawRequest(hub.url, path)).rejects.toThrow();
    const ok = await rawRequest(hub.url, path);
    expect(ok.body.equals(weights)).toBe(true);
    const cut = hub.requests.find((r) => r.fault === "dropAfterBytes")!;
    expect(cut.path).toBe(path.split("?")[0]);
    await expect(fetch(`${hub.url}${path}`).then((r) => r.arrayBuffer())).resolves.toHaveProperty("byteLength", weights.length);
  });

  it("dropAfterBytes also cuts a small file served directly, even at 0 bytes", async () => {
    hub.setFaults("org/tiny-gpt2", { dropAfterBytes: { count: 1, bytes: 0 } });
    await expect(fetch(`${hub.url}${TINY}/config.json`).then((r) => r.text())).rejects.toThrow();
    expect((await rawRequest(hub.url, `${TINY}/config.json`)).status).toBe(200);
  });

  it("slowBytesPerSecond paces the body in many pieces, bytes intact", async () => {
    hub.setFaults("org/tiny-gpt2", { slowBytesPerSecond: 20_000 });
    const res = await fetch(`${hub.url}${await cdnPath()}`, { headers: { Range: "bytes=0-7999" } });
    let pieces = 0;
    const chunks: Uint8Array[] = [];
    const reader = res.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      pieces += 1;
      chunks.push(read.value);
    }
    expect(Buffer.concat(chunks).equals(weights.subarray(0, 8000))).toBe(true);
    // 20 kB/s goes out 1 kB at a time over ~0.35 s; only a client stalled that long would see one piece
    expect(pieces).toBeGreaterThanOrEqual(2);
    await vi.waitFor(() => expect(hub.requests.at(-1)!.fault).toBe("slowBytesPerSecond"));
  });

  it("expireSignaturesAfterMs shortens the signed URLs of one repo", async () => {
    hub.setFaults("org/tiny-gpt2", { expireSignaturesAfterMs: 10 });
    const path = await cdnPath();
    expect((await rawRequest(hub.url, path)).status).toBe(200);
    clock += 10;
    expect((await rawRequest(hub.url, path)).status).toBe(403);
  });

  it("treeLinkTo puts its URL in every tree page's Link, as a hostile Hub could", async () => {
    hub.setFaults("org/tiny-gpt2", { treeLinkTo: "http://elsewhere.example:9/steal?x=1" });
    for (const path of ["/api/models/org/tiny-gpt2/tree/main", "/api/models/org/tiny-gpt2/tree/main/nested"]) {
      const res = await rawRequest(hub.url, path);
      expect(res.status).toBe(200);
      expect(res.headers.link).toBe('<http://elsewhere.example:9/steal?x=1>; rel="next"');
    }
    expect(hub.requests.filter((r) => r.fault === "treeLinkTo")).toHaveLength(2);
  });

  it("infoBody answers model info 200 with exactly that body, after the access checks", async () => {
    hub.setFaults("org/tiny-gpt2", { infoBody: "{not json" });
    const res = await rawRequest(hub.url, "/api/models/org/tiny-gpt2/revision/main?expand=sha");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.body.toString()).toBe("{not json");
    expect((await rawRequest(hub.url, "/api/models/org/tiny-gpt2/tree/main")).status).toBe(200);
    hub.setFaults("org/private", { infoBody: "null" });
    expect((await rawRequest(hub.url, "/api/models/org/private")).status).toBe(401);
    expect((await rawRequest(hub.url, "/api/models/org/private", { headers: { Authorization: `Bearer ${PRIVATE_TOKEN}` } })).body.toString()).toBe("null");
  });

  it("redirectTo sends every resolve of an existing file to its URL; raw and missing files are untouched", async () => {
    hub.setFaults("org/tiny-gpt2", { redirectTo: "http://127.0.0.1:9/elsewhere" });
    for (const file of ["model.safetensors", "config.json"]) {
      const res = await rawRequest(hub.url, `${TINY}/${file}`);
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe("http://127.0.0.1:9/elsewhere");
    }
    expect((await rawRequest(hub.url, "/org/tiny-gpt2/raw/main/config.json")).status).toBe(200);
    expect((await rawRequest(hub.url, `${TINY}/absent.txt`)).status).toBe(404);
    expect(hub.requests.filter((r) => r.fault === "redirectTo")).toHaveLength(2);
  });

  it("takes faults set under any spelling of the repo's id", async () => {
    hub.setFaults("ORG/Tiny-GPT2", { error5xx: { count: 1, status: 503 } });
    expect((await rawRequest(hub.url, "/api/models/org/tiny-gpt2")).status).toBe(503);
    expect((await rawRequest(hub.url, "/api/models/Org/Tiny-Gpt2")).status).toBe(200);
  });

  it("POST /__mock/faults sets faults, GET lists them, DELETE clears them", async () => {
    const set = await rawRequest(hub.url, "/__mock/faults", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ repo: "org/tiny-gpt2", faults: { error5xx: { count: 3 } } }),
    });
    expect(set.status).toBe(200);
    expect(JSON.parse((await rawRequest(hub.url, "/__mock/faults")).body.toString())).toEqual({ "org/tiny-gpt2": { error5xx: { count: 3, status: 500 } } });
    expect((await rawRequest(hub.url, `${TINY}/config.json`)).status).toBe(500);
    await rawRequest(hub.url, "/__mock/faults?repo=org/tiny-gpt2", { method: "DELETE" });
    expect((await rawRequest(hub.url, `${TINY}/config.json`)).status).toBe(200);
  });

  it("refuses malformed fault descriptions", async () => {
    for (const body of [
      "not json",
      JSON.stringify({ repo: "../x", faults: {} }),
      JSON.stringify({ repo: "org/x", faults: { rate429: { count: -1 } } }),
      JSON.stringify({ repo: "org/x", faults: { error5xx: { count: 1, status: 404 } } }),
      JSON.stringify({ repo: "org/x", faults: { explode: true } }),
      JSON.stringify({ repo: "org/x", faults: { treeLinkTo: "/relative/path" } }),
      JSON.stringify({ repo: "org/x", faults: { redirectTo: "file:///etc/passwd" } }),
      JSON.stringify({ repo: "org/x", faults: { infoBody: { sha: 1 } } }),
    ]) {
      const res = await rawRequest(hub.url, "/__mock/faults", { method: "POST", body });
      expect(res.status, body).toBe(400);
    }
    expect(() => hub.setFaults("org/x", { slowBytesPerSecond: 0 })).toThrow(/slowBytesPerSecond/);
  });
});

describe("the request log", () => {
  it("records method, path, range and status, and /__mock/requests reads and clears it", async () => {
    await rawRequest(hub.url, "/__mock/requests", { method: "DELETE" });
    await rawRequest(hub.url, `${TINY}/config.json`, { method: "HEAD" });
    await rawRequest(hub.url, `${TINY}/config.json`, { headers: { Range: "bytes=2-5" } });
    const log = JSON.parse((await rawRequest(hub.url, "/__mock/requests")).body.toString());
    expect(log).toEqual([
      { method: "HEAD", path: `${TINY}/config.json`, status: 200, repo: "org/tiny-gpt2" },
      { method: "GET", path: `${TINY}/config.json`, range: "bytes=2-5", status: 206, repo: "org/tiny-gpt2" },
    ]);
    expect(hub.requests).toEqual(log);
    await rawRequest(hub.url, "/__mock/requests", { method: "DELETE" });
    expect(hub.requests).toHaveLength(0);
  });
});

describe("access", () => {
  it("hides a private repo: 401 without a token, 404 with another, served with its own", async () => {
    for (const path of ["/api/models/org/private", "/api/models/org/private/tree/main", "/org/private/resolve/main/config.json"]) {
      const anonymous = await rawRequest(hub.url, path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers["x-error-code"]).toBe("RepoNotFound");
      const wrong = await rawRequest(hub.url, path, { headers: { Authorization: "Bearer hf_wrong" } });
      expect(wrong.status).toBe(404);
      expect(wrong.headers["x-error-code"]).toBe("RepoNotFound");
      expect((await rawRequest(hub.url, path, { headers: { Authorization: `Bearer ${PRIVATE_TOKEN}` } })).status).toBe(200);
    }
    const info = JSON.parse((await rawRequest(hub.url, "/api/models/org/private", { headers: { Authorization: `Bearer ${PRIVATE_TOKEN}` } })).body.toString());
    expect(info.private).toBe(true);
  });

  it("keeps a gated repo's info and tree public and its files closed", async () => {
    expect((await rawRequest(hub.url, "/api/models/org/gated/tree/main")).status).toBe(200);
    const anonymous = await rawRequest(hub.url, "/org/gated/resolve/main/config.json");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["x-error-code"]).toBe("GatedRepo");
    const wrong = await rawRequest(hub.url, "/org/gated/raw/main/config.json", { method: "HEAD", headers: { Authorization: "Bearer hf_wrong" } });
    expect(wrong.status).toBe(403);
    expect(wrong.headers["x-error-code"]).toBe("GatedRepo");
  });

  it("reports a broken .mockhub.json instead of guessing", async () => {
    const res = await rawRequest(hub.url, "/api/models/org/broken-settings");
    expect(res.status).toBe(500);
    expect(res.headers["x-error-code"]).toBe("BadSettings");
    expect(JSON.parse(res.body.toString()).error).toMatch(/"gated" must be/);
  });
});

describe("path traversal", () => {
  it("never serves a file outside the mounted folders", async () => {
    for (const path of [
      `${TINY}/../../../outside/secret.txt`,
      `${TINY}/%2e%2e/%2e%2e/%2e%2e/outside/secret.txt`,
      `${TINY}/..%2F..%2F..%2Foutside%2Fsecret.txt`,
      `${TINY}/nested%2F..%2F..%2F..%2Foutside%2Fsecret.txt`,
      `${TINY}/..%5C..%5Coutside%5Csecret.txt`,
      `${TINY}//etc/passwd`,
      `${TINY}/%2Fetc%2Fpasswd`,
      `${TINY}/./config.json`,
      `${TINY}/config.json%00.txt`,
      "/api/models/org/tiny-gpt2/tree/main/..",
      "/api/models/org/tiny-gpt2/tree/main/nested/../..",
    ]) {
      const res = await rawRequest(hub.url, path);
      expect(res.status, path).toBe(400);
      expect(res.body.toString()).not.toContain("top secret");
    }
  });

  it("does not take ids that climb out of --dir, or symlinks", async () => {
    for (const path of ["/../outside/resolve/main/secret.txt", "/%2e%2e/outside/resolve/main/secret.txt", "/org/..%2F..%2Foutside/resolve/main/secret.txt", "/api/models/../outside"]) {
      const res = await rawRequest(hub.url, path);
      expect([401, 404], path).toContain(res.status);
      expect(res.body.toString()).not.toContain("top secret");
    }
    const link = await rawRequest(hub.url, `${TINY}/link.txt`);
    expect(link.status).toBe(404);
    expect(link.headers["x-error-code"]).toBe("EntryNotFound");
  });
});

describe("the rest of HTTP", () => {
  it("answers CORS preflights and exposes the Hub headers", async () => {
    const pre = await rawRequest(hub.url, `${TINY}/model.safetensors`, { method: "OPTIONS" });
    expect(pre.status).toBe(204);
    expect(pre.headers["access-control-allow-headers"]).toMatch(/Range/);
    const res = await rawRequest(hub.url, `${TINY}/config.json`);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["access-control-expose-headers"]).toMatch(/X-Linked-Size/);
  });

  it("refuses other methods and unknown routes", async () => {
    expect((await rawRequest(hub.url, `${TINY}/config.json`, { method: "PUT" })).status).toBe(405);
    expect((await rawRequest(hub.url, "/api/datasets/org/x")).status).toBe(404);
    expect((await rawRequest(hub.url, "/__mock/nothing")).status).toBe(404);
  });
});
