import { describe, expect, it } from "vitest";
import { comparePath, liveComparePath } from "./compare-path.ts";

describe("comparePath", () => {
  it("joins the two models' site paths with vs", () => {
    expect(comparePath({ id: "org/chat", source: "hub" }, { id: "org/base", source: "hub" })).toBe("/compare/org/chat/vs/org/base/");
    expect(comparePath({ id: "gpt2", source: "hub" }, { id: "compare", source: "hub" })).toBe("/compare/gpt2/vs/~/compare/");
  });

  it("puts any other pair in the query string, escaped", () => {
    expect(liveComparePath("org/a", "x/b&c")).toBe("/compare/?a=org%2Fa&b=x%2Fb%26c");
  });
});
