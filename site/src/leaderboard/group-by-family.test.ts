import { describe, expect, it } from "vitest";
import { groupByFamily } from "./group-by-family.ts";

describe("groupByFamily", () => {
  it("puts the largest family first, ties by name, models without a family last, order kept inside", () => {
    const rows = [
      { id: "a", family: "gpt2" },
      { id: "b", family: null },
      { id: "c", family: "llama" },
      { id: "d", family: "bert" },
      { id: "e", family: "llama" },
      { id: "f", family: null },
      { id: "g", family: null },
    ];
    expect(groupByFamily(rows, (r) => r.family).map((g) => [g.family, g.rows.map((r) => r.id)])).toEqual([
      ["llama", ["c", "e"]],
      ["bert", ["d"]],
      ["gpt2", ["a"]],
      [null, ["b", "f", "g"]],
    ]);
    expect(groupByFamily([], (r: { family: string }) => r.family)).toEqual([]);
  });
});
