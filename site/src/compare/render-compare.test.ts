import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { renderCompare } from "./render-compare.ts";

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, "../../../test/fixtures/reports", name), "utf8")) as Report;

describe("renderCompare", () => {
  it("shows both summaries, the overlays, the layers that moved most and the delta spectra", () => {
    const markup = renderCompare(fixture("tree-chat.json"), fixture("tree-base.json"), fixture("tree-chat-delta.json"), { a: "/a/", b: "/b/", delta: null });
    expect(markup).toContain("data-compare-summary");
    expect(markup.match(/data-overlay=/g)).toHaveLength(2);
    expect(markup.match(/<li data-layer=/g)).toHaveLength(10);
    expect(markup).toContain("data-delta-spectra");
  });

  it("leaves the delta spectra out when there is no delta analysis, and escapes ids", () => {
    const a = fixture("tree-code.json");
    const b = { ...fixture("tree-base.json"), model: { ...fixture("tree-base.json").model, id: "x/<script>" } };
    const markup = renderCompare(a, b, null, { a: "/a/", b: "/b/", delta: null });
    expect(markup).not.toContain("data-delta-spectra");
    expect(markup).not.toContain("<script>");
  });
});
