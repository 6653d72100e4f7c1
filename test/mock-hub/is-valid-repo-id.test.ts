import { describe, expect, it } from "vitest";
import { isValidRepoId } from "./is-valid-repo-id.ts";

describe("isValidRepoId", () => {
  it("accepts legacy and namespaced ids", () => {
    for (const id of ["gpt2", "openai-community/gpt2", "meta-llama/Llama-2-7b-hf", "a/b.c_d"]) {
      expect(isValidRepoId(id)).toBe(true);
    }
  });

  it("rejects traversal, separators and malformed parts", () => {
    for (const id of ["", "..", "a/..", "../a", "a/b/c", "/a", "a/", ".a", "a-", "a--b", "a..b", "a\\b", "a b", "a%2Fb"]) {
      expect(isValidRepoId(id)).toBe(false);
    }
  });
});
