import { describe, expect, it } from "vitest";
import { readFrontMatter } from "./read-front-matter.ts";

describe("readFrontMatter", () => {
  it("reads base_model as one id, a flow list or a block list, and base_model_relation", () => {
    expect(readFrontMatter("---\nlicense: mit\nbase_model: meta-llama/Llama-2-7b-hf\nbase_model_relation: finetune\n---\n# card")).toEqual({
      base_model: "meta-llama/Llama-2-7b-hf",
      base_model_relation: "finetune",
    });
    expect(readFrontMatter("---\nbase_model: [\"a/b\", 'c/d']\n---\n")).toEqual({ base_model: ["a/b", "c/d"] });
    expect(readFrontMatter("\uFEFF---\r\nbase_model:\r\n  - a/b  # first\r\n  - c/d\r\ntags:\r\n  - x\r\n---\r\n")).toEqual({ base_model: ["a/b", "c/d"] });
  });

  it("reads nothing outside the front matter, nor nested keys", () => {
    expect(readFrontMatter("# title\n---\nbase_model: a/b\n---\n")).toEqual({});
    expect(readFrontMatter("---\nbase_model: a/b\n")).toEqual({});
    expect(readFrontMatter("---\nmodel-index:\n  base_model: a/b\n---\n")).toEqual({});
    expect(readFrontMatter("---\nbase_model:\n---\n")).toEqual({});
  });
});
