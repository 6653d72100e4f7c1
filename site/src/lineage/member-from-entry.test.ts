import { describe, expect, it } from "vitest";
import { rowMetadata } from "#shared/report";
import { makeReport } from "../../../test/helpers/make-report.ts";
import { joinServiceMembers } from "../scripts/hydrate-lineage.ts";
import type { PageMember } from "./lineage-sections.ts";
import { memberFromEntry } from "./member-from-entry.ts";

const sha = (c: string) => c.repeat(40);
const entry = (id: string, c: string, createdAt: string, base?: { id: string; relation: string | null }) => {
  const report = makeReport({ id, family: "llama", sha: sha(c), createdAt, seed: 1, layers: [{ name: "h.0.mlp", shape: [64, 32], alpha: 3 }], ...(base && { lineage: [{ ...base, source: "card" as const }] }) });
  return { rank: 1, key: `${id}@${sha(c)}`, id, sha: sha(c), latest: true, ...rowMetadata(report) };
};

describe("memberFromEntry", () => {
  it("takes a row's base as the member's parent, with its relation", () => {
    const member = memberFromEntry(entry("org/chat", "a", "2026-01-01T00:00:00.000Z", { id: "org/base", relation: "finetune" }))!;
    expect(member).toMatchObject({ parent: "org/base", relation: "finetune", row: { id: "org/chat", href: "/org/chat" } });
    expect(memberFromEntry(entry("org/base", "b", "2026-01-01T00:00:00.000Z"))).toMatchObject({ parent: null, relation: null });
  });

  it("gives no parent for a base that is no Hub id or the model itself, and no member for what is not a row", () => {
    const raw = entry("org/chat", "a", "2026-01-01T00:00:00.000Z");
    expect(memberFromEntry({ ...raw, base: { id: "<b>", relation: "finetune" } })).toMatchObject({ parent: null, relation: null });
    expect(memberFromEntry({ ...raw, base: { id: "ORG/chat", relation: "finetune" } })).toMatchObject({ parent: null });
    expect(memberFromEntry({ ...raw, base: undefined })).toMatchObject({ parent: null });
    expect(memberFromEntry({ ...raw, id: "not an id" })).toBeNull();
    expect(memberFromEntry(null)).toBeNull();
  });
});

describe("joinServiceMembers", () => {
  const built: PageMember[] = [{ ...memberFromEntry(entry("org/chat", "a", "2026-01-01T00:00:00.000Z", { id: "org/base", relation: "finetune" }))!, staticCompare: "/compare/org/chat/vs/org/base/" }];

  it("adds what only the service knows and takes a newer report's place, dropping its static compare page", () => {
    const joined = joinServiceMembers(built, [entry("org/new", "c", "2026-02-01T00:00:00.000Z", { id: "org/base", relation: "adapter" }), entry("ORG/chat", "d", "2026-03-01T00:00:00.000Z", { id: "org/base", relation: "finetune" })])!;
    expect(joined.map((m) => [m.row.id, m.staticCompare])).toEqual([["ORG/chat", null], ["org/new", null]]);
  });

  it("is null when the service adds nothing newer", () => {
    expect(joinServiceMembers(built, [entry("org/chat", "a", "2026-01-01T00:00:00.000Z", { id: "org/base", relation: "finetune" }), { junk: true }])).toBeNull();
  });
});
