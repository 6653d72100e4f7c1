import { describe, expect, it } from "vitest";
import { compareNames } from "./compare-names.ts";

describe("compareNames", () => {
  it("sorts as Python and Rust do: by code point, so h.10 comes before h.2", () => {
    expect(["h.2.w", "h.10.w", "h.1.w", "H.0", "a"].sort(compareNames)).toEqual(["H.0", "a", "h.1.w", "h.10.w", "h.2.w"]);
  });

  it("orders astral characters after the rest of the BMP, unlike UTF-16 comparison", () => {
    const astral = "\u{1F600}";
    const highBmp = "\uFF21";
    expect([astral, highBmp].sort()).toEqual([astral, highBmp]);
    expect([astral, highBmp].sort(compareNames)).toEqual([highBmp, astral]);
  });

  it("puts a prefix first and treats equal strings as equal", () => {
    expect(compareNames("ab", "abc")).toBeLessThan(0);
    expect(compareNames("abc", "abc")).toBe(0);
  });
});
