import { describe, expect, it } from "vitest";
import type { ModelEntry, StagedReport } from "../lib/catalog-types.ts";
import { siteLineage } from "./site-lineage.ts";

const staged = (file: string, id: string, extra: Record<string, unknown> = {}) =>
  ({
    file,
    head: {
      model: { id, source: "hub", family: "x", parameters: 1, sha: null, revision: "main", ...extra },
      created_at: "2026-01-01T00:00:00Z",
      method: {},
      summary: { reference: {}, successful_fits: {}, layers_analysed: 1, layers_failed: 0 },
    },
  }) as unknown as StagedReport;

describe("siteLineage", () => {
  it("places the build's Hub models in the tree from their own reports, leaving local ones out", () => {
    const chat = staged("c", "o/chat", { lineage: { base_models: [{ id: "o/base", relation: "finetune", source: "card" }] } });
    const deltaHead = staged("d", "o/chat");
    (deltaHead.head.method as Record<string, unknown>).base = { id: "o/base" };
    const models = [
      { slug: "o/chat", id: "o/chat", source: "hub", latest: deltaHead, revisions: [deltaHead, chat] },
      { slug: "o/base", id: "o/base", source: "hub", latest: staged("b", "o/base"), revisions: [staged("b", "o/base")] },
      { slug: "~local/x", id: "x", source: "local", latest: staged("l", "x"), revisions: [staged("l", "x")] },
    ] as ModelEntry[];
    const entries = siteLineage(models);
    expect(entries.map((e) => [e.member.row.id, e.member.parent, e.member.relation, e.staged.file])).toEqual([
      ["o/chat", "o/base", "finetune", "c"],
      ["o/base", null, null, "b"],
    ]);
    expect(entries[0].member.row.href).toBe("/o/chat/");
  });
});
