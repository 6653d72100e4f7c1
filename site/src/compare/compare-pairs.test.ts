import { describe, expect, it } from "vitest";
import { comparePairs } from "./compare-pairs.ts";

const entry = (id: string, parent: string | null = null) => ({ member: { row: { id }, parent } });

describe("comparePairs", () => {
  it("pairs each model with the base it names when that base is known", () => {
    const entries = [entry("o/base"), entry("o/chat", "O/Base"), entry("o/ft", "gone/base"), entry("o/self", "o/self")];
    expect(comparePairs(entries).map(({ a, b }) => [a.member.row.id, b.member.row.id])).toEqual([["o/chat", "o/base"]]);
  });
});
