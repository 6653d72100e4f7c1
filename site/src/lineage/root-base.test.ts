import { describe, expect, it } from "vitest";
import { rootBase } from "./root-base.ts";

const tree = (edges: Record<string, string>) => (id: string) => edges[id] ?? null;

describe("rootBase", () => {
  it("follows bases up the tree to the model that names none", () => {
    const parentOf = tree({ "o/q4": "o/chat", "o/chat": "o/base" });
    expect(rootBase("o/q4", parentOf)).toBe("o/base");
    expect(rootBase("o/chat", parentOf)).toBe("o/base");
    expect(rootBase("o/base", parentOf)).toBe("o/base");
  });

  it("stops at a base with no report of its own, and in a cycle", () => {
    expect(rootBase("o/ft", tree({ "o/ft": "gone/base" }))).toBe("gone/base");
    expect(rootBase("o/a", tree({ "o/a": "o/b", "o/b": "O/A" }))).toBe("o/b");
  });
});
