import { describe, expect, it } from "vitest";
import { isOrgHubId } from "./is-org-hub-id.ts";

describe("isOrgHubId", () => {
  it("accepts org/name ids as the Hub spells them", () => {
    for (const id of ["meta-llama/Llama-2-7b-hf", "openai-community/gpt2", "a/b.c_d"]) expect(isOrgHubId(id), id).toBe(true);
  });

  it("rejects bare names, paths, URLs, revisions and what the Hub could not hold", () => {
    for (const text of ["gpt2", "/home/me/base", "./base", "org/base/tree/v1", "org/base@main", "https://huggingface.co/org/base", "datasets/x", "org/a--b", "org/a-", ""]) {
      expect(isOrgHubId(text), text).toBe(false);
    }
  });
});
