import { describe, expect, it } from "vitest";
import { movedMostList } from "./moved-most-list.ts";

describe("movedMostList", () => {
  it("lists each layer's α in a and b and the change, in the order given", () => {
    const markup = movedMostList(
      [
        { name: "h.1.<mlp>", alphaA: 3.1, alphaB: 1.6, delta: -1.5 },
        { name: "h.0.attn", alphaA: 2, alphaB: 3.2, delta: 1.2 },
      ],
      14,
    ).markup;
    expect(markup.match(/<li /g)).toHaveLength(2);
    expect(markup).toContain("α 3.10 → 1.60</span> <strong>−1.50</strong>");
    expect(markup).toContain("<strong>+1.20</strong>");
    expect(markup).toContain("over the 14 layer names");
    expect(markup).not.toContain("<mlp>");
  });

  it("says so when no layer lines up", () => {
    expect(movedMostList([], 0).markup).toContain("data-moved-none");
  });
});
