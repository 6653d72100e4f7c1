import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
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

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "heavytail-resolve-"));
  await writeLlamaLikeModel(join(dir, "llama"), { hidden: 32, intermediate: 64, layers: 1, vocab: 64, dtype: "BF16", shards: 2 });
  await cp("test/fixtures/tesseract_eng_lstm", join(dir, "private"), { recursive: true });
  await writeFile(join(dir, "private", ".mockhub.json"), JSON.stringify({ private: true, token: "hf_secret_token" }));
  hub = await createMockHub({
    repos: { "tesseract/eng_lstm": "test/fixtures/tesseract_eng_lstm", "synthetic/llama": join(dir, "llama"), "secret/model": join(dir, "private") },
  });
});

afterAll(async () => {
  await hub.close();
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
});
