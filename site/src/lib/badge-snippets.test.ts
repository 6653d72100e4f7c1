import { describe, expect, it } from "vitest";
import { badgeSnippets, badgeUrls } from "./badge-snippets.ts";

describe("badgeSnippets", () => {
  it("points every snippet at the service's badge and the model's card", () => {
    const urls = badgeUrls("org/name", "abc123", "https://ht.example.org", "https://ht.example.org/org/name/");
    expect(urls.svg).toBe("https://ht.example.org/badge/org/name.svg");
    expect(urls.endpoint).toBe("https://ht.example.org/badge/org/name.json");
    const snippets = badgeSnippets(urls);
    expect(snippets.map((s) => s.label)).toEqual([
      "Markdown",
      "HTML",
      "shields.io endpoint (Markdown)",
      "shields.io endpoint JSON",
      "Markdown, pinned to this revision",
    ]);
    expect(snippets[0].text).toBe("[![heavytail α](https://ht.example.org/badge/org/name.svg)](https://ht.example.org/org/name/)");
    expect(snippets[2].text).toContain("https://img.shields.io/endpoint?url=https%3A%2F%2Fht.example.org%2Fbadge%2Forg%2Fname.json");
    expect(snippets[4].text).toContain("/badge/org/name@abc123.svg");
  });

  it("escapes odd characters in ids", () => {
    const urls = badgeUrls('a/"><x', null, "http://127.0.0.1:8787", "http://127.0.0.1:8787/a/x/");
    expect(urls.svg).toBe("http://127.0.0.1:8787/badge/a/%22%3E%3Cx.svg");
    expect(badgeSnippets(urls)).toHaveLength(4);
  });

  it("offers the badge with the base's α when the model names a base", () => {
    const urls = badgeUrls("org/chat", null, "https://ht.example.org", "https://ht.example.org/org/chat/", true);
    expect(urls.withBaseSvg).toBe("https://ht.example.org/badge/org/chat.svg?base=1");
    const last = badgeSnippets(urls).at(-1)!;
    expect(last.label).toBe("Markdown, with its base's α");
    expect(last.text).toBe("[![heavytail α](https://ht.example.org/badge/org/chat.svg?base=1)](https://ht.example.org/org/chat/)");
  });
});
