import { describe, expect, it } from "vitest";
import { cardDataLineage } from "./card-data-lineage.ts";

describe("cardDataLineage", () => {
  it("lists each base with the card's relation", () => {
    expect(cardDataLineage({ base_model: ["a/b", "c/d"], base_model_relation: "merge" }, "card")).toEqual([
      { id: "a/b", relation: "merge", source: "card" },
      { id: "c/d", relation: "merge", source: "card" },
    ]);
    expect(cardDataLineage({ base_model: " a/b " }, "readme")).toEqual([{ id: "a/b", relation: null, source: "readme" }]);
  });
  it("ignores what is not a card or not a string", () => {
    expect(cardDataLineage(null, "card")).toEqual([]);
    expect(cardDataLineage(["a/b"], "card")).toEqual([]);
    expect(cardDataLineage({ base_model: [1, "", { x: 1 }, "ok/id"], base_model_relation: 3 }, "card")).toEqual([{ id: "ok/id", relation: null, source: "card" }]);
  });
});
