import { describe, expect, it } from "vitest";
import { ModelLookupError } from "./model-lookup-error.ts";
import { readModelInfo } from "./read-model-info.ts";

const SHA = "0123456789abcdef0123456789abcdef01234567";
// what @huggingface/hub's modelInfo makes of the Hub's JSON
const info = (over: Record<string, unknown> = {}) => ({
  id: "66b1ad0d3c0e5a0011aa22bb",
  name: "Org/Model",
  private: false,
  gated: false,
  updatedAt: new Date("2024-05-01T12:00:00.000Z"),
  sha: SHA,
  config: { model_type: "llama" },
  ...over,
});

function failure(value: unknown): ModelLookupError {
  try {
    readModelInfo(value, "org/model");
  } catch (error) {
    expect(error).toBeInstanceOf(ModelLookupError);
    return error as ModelLookupError;
  }
  throw new Error("no error");
}

describe("readModelInfo", () => {
  it("takes the Hub's spelling of the id, the sha, access flags, date and family", () => {
    expect(readModelInfo(info(), "org/model")).toEqual({
      id: "Org/Model",
      sha: SHA,
      private: false,
      gated: false,
      lastModified: "2024-05-01T12:00:00.000Z",
      family: "llama",
      baseModels: [],
    });
    expect(readModelInfo(info({ private: true, gated: "manual" }), "org/model")).toMatchObject({ private: true, gated: "manual" });
    expect(readModelInfo(info({ gated: "auto", config: undefined }), "org/model")).toMatchObject({ gated: "auto", family: null });
  });

  it("reads the bases the card names (cardData.base_model, base_model_relation)", () => {
    expect(readModelInfo(info({ cardData: { base_model: ["a/b", "c/d"], base_model_relation: "merge", license: "mit" } }), "org/model").baseModels).toEqual([
      { id: "a/b", relation: "merge", source: "card" },
      { id: "c/d", relation: "merge", source: "card" },
    ]);
    expect(readModelInfo(info({ cardData: "not an object" }), "org/model").baseModels).toEqual([]);
  });

  it("keeps the id asked for when the Hub answers another one, not only another spelling", () => {
    expect(readModelInfo(info({ name: "someone/else" }), "org/model").id).toBe("org/model");
  });

  it("has no date when the Hub gives none, or one that does not parse", () => {
    expect(readModelInfo(info({ updatedAt: new Date(Number.NaN) }), "org/model").lastModified).toBeNull();
    expect(readModelInfo(info({ updatedAt: undefined }), "org/model").lastModified).toBeNull();
  });

  it("turns an answer that is not model info into hub_error 502", () => {
    for (const [value, what] of [
      [null, "not an object"],
      ["text", "not an object"],
      [info({ name: undefined }), "no id"],
      [info({ sha: undefined }), "no commit sha"],
      [info({ sha: "main" }), "no commit sha"],
      [info({ private: "no" }), "no private flag"],
      [info({ gated: true }), "gated"],
    ] as const) {
      const error = failure(value);
      expect(error).toMatchObject({ code: "hub_error", status: 502 });
      expect(error.message).toContain(`the Hub answered an unexpected model info for org/model: ${what}`);
    }
  });
});
