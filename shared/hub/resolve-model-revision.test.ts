import { cp, mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeLlamaLikeModel } from "../../test/helpers/generate-models.ts";
import { createMockHub } from "../../test/mock-hub/create-mock-hub.ts";
import type { MockHub } from "../../test/mock-hub/types.ts";
import { ModelLookupError } from "./model-lookup-error.ts";
import { resolveModelRevision } from "./resolve-model-revision.ts";

let hub: MockHub;
let dir: string;
// a second Hub-shaped server: `silent` never answers, and records who called it and with what Authorization
let other: Server;
let otherUrl: string;
const otherSeen: { url: string; auth?: string }[] = [];
const GATED_DATE = new Date("2024-05-01T12:00:00.000Z");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "heavytail-resolve-"));
  await writeLlamaLikeModel(join(dir, "llama"), { hidden: 32, intermediate: 64, layers: 1, vocab: 64, dtype: "BF16", shards: 2 });
  await cp("test/fixtures/tesseract_eng_lstm", join(dir, "private"), { recursive: true });
  await writeFile(join(dir, "private", ".mockhub.json"), JSON.stringify({ private: true, token: "hf_secret_token" }));
  // seven small files at the root, gated, all dated GATED_DATE
  const gated = join(dir, "gated");
  await mkdir(gated);
  for (let i = 0; i < 7; i++) await writeFile(join(gated, `f${i}.txt`), `file ${i}\n`);
  await writeFile(join(gated, ".mockhub.json"), JSON.stringify({ gated: "auto", token: "hf_gated_token" }));
  for (const name of ["f0.txt", "f1.txt", "f2.txt", "f3.txt", "f4.txt", "f5.txt", "f6.txt", ".mockhub.json"]) await utimes(join(gated, name), GATED_DATE, GATED_DATE);
  hub = await createMockHub({
    repos: {
      "tesseract/eng_lstm": "test/fixtures/tesseract_eng_lstm",
      "synthetic/llama": join(dir, "llama"),
      "secret/model": join(dir, "private"),
      "h/case-test": join(dir, "llama"),
      "gated/seven": gated,
    },
    treePageSize: 2,
  });
  other = createServer((req: IncomingMessage) => void otherSeen.push({ url: req.url!, auth: req.headers.authorization }));
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await hub.close();
  other.closeAllConnections();
  await new Promise((resolve) => other.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

async function lookupError(promise: Promise<unknown>): Promise<ModelLookupError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ModelLookupError);
  return error as ModelLookupError;
}

describe("resolveModelRevision against the mock Hub", () => {
  it("resolves a branch to its commit and lists the files with sizes", async () => {
    const model = await resolveModelRevision("tesseract/eng_lstm", "main", { hubUrl: hub.url });
    expect(model.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(model.revision).toBe("main");
    expect(model.files).toContainEqual({ name: "model.safetensors", size: 5847548 });
    expect(model.family).toBeNull();
    const pinned = await resolveModelRevision("tesseract/eng_lstm", model.sha, { hubUrl: hub.url });
    expect(pinned.sha).toBe(model.sha);
  });

  it("reads the family from config.json and lists a sharded model's index", async () => {
    const model = await resolveModelRevision("synthetic/llama", "main", { hubUrl: hub.url });
    expect(model.family).toBe("llama");
    expect(model.files.map((f) => f.name)).toEqual(expect.arrayContaining(["model.safetensors.index.json", "model-00001-of-00002.safetensors"]));
  });

  it("tells a missing model from a missing revision", async () => {
    expect(await lookupError(resolveModelRevision("nobody/nothing", "main", { hubUrl: hub.url }))).toMatchObject({ code: expect.stringMatching(/model_not_found|hub_unauthorized/) });
    expect(await lookupError(resolveModelRevision("tesseract/eng_lstm", "no-such-branch", { hubUrl: hub.url }))).toMatchObject({
      code: "revision_not_found",
      status: 404,
    });
  });

  it("needs the token for a private model, and never puts it in a message", async () => {
    const refused = await lookupError(resolveModelRevision("secret/model", "main", { hubUrl: hub.url }));
    expect(refused).toMatchObject({ code: "hub_unauthorized", status: 401 });
    const wrong = await lookupError(resolveModelRevision("secret/model", "main", { hubUrl: hub.url, accessToken: "hf_wrong_token" }));
    expect(wrong.message).not.toContain("hf_wrong_token");
    const opened = await resolveModelRevision("secret/model", "main", { hubUrl: hub.url, accessToken: "hf_secret_token" });
    expect(opened.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it("reports a Hub that cannot be reached as hub_error", async () => {
    expect(await lookupError(resolveModelRevision("tesseract/eng_lstm", "main", { hubUrl: "http://127.0.0.1:1" }))).toMatchObject({ code: "hub_error", status: 502 });
  });

  it("passes the Hub's Retry-After on when rate-limited", async () => {
    hub.setFaults("tesseract/eng_lstm", { rate429: { count: 1, retryAfter: 7 } });
    expect(await lookupError(resolveModelRevision("tesseract/eng_lstm", "main", { hubUrl: hub.url }))).toMatchObject({ code: "hub_rate_limited", retryAfter: 7 });
    hub.setFaults("tesseract/eng_lstm", {});
  });

  it("answers the Hub's own spelling of the id, and its private, gated and lastModified", async () => {
    const model = await resolveModelRevision("H/CASE-TEST", "main", { hubUrl: hub.url });
    expect(model).toMatchObject({ id: "h/case-test", revision: "main", family: "llama", private: false, gated: false });
    expect(model.files.length).toBeGreaterThan(0);
    expect(Date.parse(model.lastModified!)).not.toBeNaN();
    expect(model.lastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await resolveModelRevision("secret/model", "main", { hubUrl: hub.url, accessToken: "hf_secret_token" })).toMatchObject({ private: true, gated: false });
    // a gated repo's info and tree are public: no token needed to learn it is gated
    expect(await resolveModelRevision("gated/seven", "main", { hubUrl: hub.url })).toMatchObject({
      id: "gated/seven",
      private: false,
      gated: "auto",
      lastModified: GATED_DATE.toISOString(),
    });
  });

  it("never follows a listing's Link off the Hub: the token never arrives there", async () => {
    hub.setFaults("secret/model", { treeLinkTo: `${otherUrl}/api/models/secret/model/tree/main?cursor=MQ` });
    const error = await lookupError(resolveModelRevision("secret/model", "main", { hubUrl: hub.url, accessToken: "hf_secret_token" }));
    hub.setFaults("secret/model", {});
    expect(error).toMatchObject({ code: "hub_error", status: 502, message: `the Hub's listing pointed at ${otherUrl}, which is not the Hub; not followed` });
    expect(error.message).not.toContain("hf_secret_token");
    expect(otherSeen).toEqual([]);
  });

  it("gives up on a Hub that never answers after timeoutMs, as hub_error 504", async () => {
    const started = Date.now();
    const error = await lookupError(resolveModelRevision("tesseract/eng_lstm", "main", { hubUrl: otherUrl, timeoutMs: 200 }));
    expect(error).toMatchObject({ code: "hub_error", status: 504 });
    expect(error.message).toContain("within 0.2 s (timeout)");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(otherSeen.map((r) => r.url)).toEqual([expect.stringMatching(/^\/api\/models\/tesseract\/eng_lstm\/revision\/main\?/)]);
    otherSeen.length = 0;
  });

  it("stops listing after maxFiles root entries, asking for no further page", async () => {
    hub.requests.length = 0;
    const error = await lookupError(resolveModelRevision("gated/seven", "main", { hubUrl: hub.url, maxFiles: 3 }));
    expect(error).toMatchObject({ code: "too_many_files", status: 422 });
    expect(error.message).toContain("stopped at 3");
    // pages of two: the fourth entry, on the second page, is one too many
    expect(hub.requests.filter((r) => r.path.includes("/tree/"))).toHaveLength(2);
    expect((await resolveModelRevision("gated/seven", "main", { hubUrl: hub.url, maxFiles: 7 })).files).toHaveLength(7);
    // a Hub whose listing links back to itself forever is stopped the same way
    hub.setFaults("gated/seven", { treeLinkTo: `${hub.url}/api/models/gated/seven/tree/main?recursive=false&expand=false` });
    expect(await lookupError(resolveModelRevision("gated/seven", "main", { hubUrl: hub.url, maxFiles: 20 }))).toMatchObject({ code: "too_many_files" });
    hub.setFaults("gated/seven", {});
  });

  it("turns model info that is not model info into hub_error 502", async () => {
    for (const body of ["{not json", "null", "[]", '"text"', "42", JSON.stringify({ _id: "x", id: "tesseract/eng_lstm", private: false, gated: false })]) {
      hub.setFaults("tesseract/eng_lstm", { infoBody: body });
      const error = await lookupError(resolveModelRevision("tesseract/eng_lstm", "main", { hubUrl: hub.url }));
      expect(error, body).toMatchObject({ code: "hub_error", status: 502 });
      expect(error.message, body).toMatch(/^the Hub answered an unexpected model info for tesseract\/eng_lstm/);
    }
    hub.setFaults("tesseract/eng_lstm", {});
  });

  it("turns a file listing that is not one into hub_error 502", async () => {
    const treeAnswering = (body: string, headers: Record<string, string> = {}): typeof fetch => async (input, init) =>
      String(input).includes("/tree/") ? new Response(body, { headers: { "content-type": "application/json", ...headers } }) : fetch(input, init);
    const selfLink = { link: `<${hub.url}/api/models/tesseract/eng_lstm/tree/main?cursor=x>; rel="next"` };
    for (const [body, headers] of [
      ['[{"type":"file","path":"a.bin"}]', {}],
      ['[{"type":"file","size":3}]', {}],
      ['[{"type":"file","path":"a.bin","size":3,"lfs":{}}]', {}],
      ['[{"type":"file","path":"a.bin","size":-1}]', {}],
      ['{"not":"a list"}', {}],
      ['"abc"', {}],
      ["[{", {}],
      ["[]", selfLink],
    ] as const) {
      const error = await lookupError(resolveModelRevision("tesseract/eng_lstm", "main", { hubUrl: hub.url, fetch: treeAnswering(body, headers) }));
      expect(error, body).toMatchObject({ code: "hub_error", status: 502 });
      expect(error.message, body).toMatch(/^the Hub answered an unexpected file listing for tesseract\/eng_lstm/);
    }
  });
});
