import { describe, expect, it } from "vitest";
import { parseModelId } from "./parse-model-id.ts";
import { ModelIdError } from "./model-id-error.ts";

describe("parseModelId", () => {
  it.each([
    ["openai-community/gpt2", "openai-community/gpt2", null],
    ["gpt2", "gpt2", null],
    ["  meta-llama/Llama-2-7b-hf  ", "meta-llama/Llama-2-7b-hf", null],
    ["https://huggingface.co/org/name", "org/name", null],
    ["https://huggingface.co/org/name/", "org/name", null],
    ["https://huggingface.co/org/name?x=1#y", "org/name", null],
    ["http://www.huggingface.co/org/name", "org/name", null],
    ["huggingface.co/org/name", "org/name", null],
    ["hf.co/org/name", "org/name", null],
    ["https://huggingface.co/gpt2", "gpt2", null],
    ["https://huggingface.co/org/name/tree/main", "org/name", "main"],
    ["https://huggingface.co/org/name/tree/refs/pr/12", "org/name", "refs/pr/12"],
    ["https://huggingface.co/org/name/blob/v1.0/model.safetensors", "org/name", "v1.0"],
    ["https://huggingface.co/org/name/resolve/0123456789abcdef0123456789abcdef01234567/config.json", "org/name", "0123456789abcdef0123456789abcdef01234567"],
    ["https://huggingface.co/gpt2/tree/main", "gpt2", "main"],
    ["org/name/tree/dev", "org/name", "dev"],
    ["Org_1/name.v2-final", "Org_1/name.v2-final", null],
  ])("%s → %s @ %s", (input, id, revision) => {
    const ref = parseModelId(input);
    expect(ref.id).toBe(id);
    expect(ref.revision).toBe(revision);
  });

  it("accepts the service's own host when told", () => {
    expect(parseModelId("http://127.0.0.1:8787/org/name", { ownHosts: ["127.0.0.1:8787"] }).id).toBe("org/name");
    expect(() => parseModelId("http://127.0.0.1:8787/org/name")).toThrow(/127\.0\.0\.1:8787/);
  });

  it("splits org and name", () => {
    expect(parseModelId("a/b")).toEqual({ id: "a/b", org: "a", name: "b", revision: null });
    expect(parseModelId("b")).toEqual({ id: "b", org: null, name: "b", revision: null });
  });

  it.each([
    ["", "empty"],
    ["../etc/passwd", ".."],
    ["org/../name", ".."],
    ["https://huggingface.co/org/../../etc", ".."],
    ["org%2Fname", "percent"],
    ["https://huggingface.co/org%2F..%2Fname", "percent"],
    ["https://evil.example/org/name", "evil.example"],
    ["https://huggingface.co.evil.example/org/name", "huggingface.co.evil.example"],
    ["https://user:pw@huggingface.co/org/name", "credentials"],
    ["ftp://huggingface.co/org/name", "http"],
    ["javascript:alert(1)", "http"],
    ["https://huggingface.co/datasets/org/name", "datasets"],
    ["https://huggingface.co/spaces/org/name", "spaces"],
    ["org/name/extra", "more path segments"],
    ["a".repeat(97), "longer than 96"],
    [`org/${"n".repeat(97)}`, "longer than 96"],
    ["x".repeat(3000), "longer than 2048"],
    ["-org/name", "letters"],
    ["org/name-", "letters"],
    ["org/na--me", "'--'"],
    ["org/na..me", "'..'"],
    ["org/name.git", ".git"],
    ["org/na me", "spaces"],
    ["org/<script>", "letters"],
    ["org/name\u0000", "control"],
    ["org\\name", "'\\'"],
    ["org/name/tree/", "without a revision"],
  ])("rejects %j", (input, why) => {
    let error: unknown;
    try {
      parseModelId(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelIdError);
    expect((error as ModelIdError).status).toBe(400);
    expect((error as ModelIdError).message).toContain(why);
  });

  it.each([
    ["org/name/tree/..", "'..'"],
    ["org/name/tree/a..b", "'..'"],
    ["org/name/tree/x;rm", "letters"],
    [`org/name/tree/${"r".repeat(201)}`, "longer than 200"],
    ["org/name/tree/branch.lock", "git ref"],
  ])("rejects the revision in %j", (input, why) => {
    expect(() => parseModelId(input)).toThrow(expect.objectContaining({ code: expect.stringMatching(/invalid_(revision|model_id)/), message: expect.stringContaining(why) }));
  });
});
