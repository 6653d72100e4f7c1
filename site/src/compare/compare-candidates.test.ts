import { describe, expect, it } from "vitest";
import type { SiteLineageEntry } from "../lineage/site-lineage.ts";
import { compareCandidates } from "./compare-candidates.ts";

const entry = (id: string, parent: string | null, family: string | null) =>
  ({ model: { id, source: "hub" }, member: { row: { id, family }, parent, relation: null } }) as unknown as SiteLineageEntry;

describe("compareCandidates", () => {
  it("suggests the base and direct descendants first (static pages), then the tree and the family (live)", () => {
    const base = entry("o/base", null, "llama");
    const chat = entry("o/chat", "o/base", "llama");
    const q4 = entry("o/chat-q4", "o/chat", "llama");
    const code = entry("o/code", "o/base", "llama");
    const other = entry("x/other", null, "llama");
    const far = entry("x/gpt", null, "gpt2");
    const entries = [base, chat, q4, code, other, far];
    expect(compareCandidates(entries)(chat)).toEqual([
      { id: "o/base", href: "/compare/o/chat/vs/o/base/", note: "its base" },
      { id: "o/chat-q4", href: "/compare/o/chat-q4/vs/o/chat/", note: "made from it" },
      { id: "o/code", href: "/compare/?a=o%2Fchat&b=o%2Fcode", note: "same base" },
      { id: "x/other", href: "/compare/?a=o%2Fchat&b=x%2Fother", note: "same family" },
    ]);
  });
});
