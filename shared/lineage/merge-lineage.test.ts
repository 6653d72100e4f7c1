import { describe, expect, it } from "vitest";
import { mergeLineage } from "./merge-lineage.ts";

describe("mergeLineage", () => {
  it("keeps each id once, from the first source, filling a missing relation from a later one", () => {
    expect(
      mergeLineage(
        [{ id: "Org/Base", relation: null, source: "card" }],
        [{ id: "org/base", relation: "adapter", source: "adapter" }, { id: "x/y", relation: null, source: "adapter" }],
      ),
    ).toEqual({ base_models: [{ id: "Org/Base", relation: "adapter", source: "card" }, { id: "x/y", relation: null, source: "adapter" }] });
  });
  it("is undefined when no source names a base", () => {
    expect(mergeLineage([], [])).toBeUndefined();
  });
});
