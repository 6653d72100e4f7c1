import { describe, expect, it } from "vitest";
import { makeReport } from "../../../test/helpers/make-report.ts";
import { smuggledMarkup, textOfHtml } from "../../../test/helpers/inert-html.ts";
import { baseComparisonSentence, baseComparisonSlot, readComparison, type ComparisonView } from "./base-comparison.ts";
import { liveCardContext } from "./card-context.ts";

const SHA = "a".repeat(40);
const BASE_SHA = "b".repeat(40);
const tuned = (relation: string | null, extra: object = {}) =>
  makeReport({ id: "org/tuned", family: "llama", sha: SHA, revision: "main", createdAt: "2026-12-01T00:00:00.000Z", seed: 1, layers: [{ name: "h.0.mlp", shape: [64, 32], alpha: 3 }], lineage: [{ id: "org/base", relation, source: "card" }], ...extra });
const view = (state: ComparisonView["state"], rest: Partial<ComparisonView> = {}): ComparisonView => ({
  state,
  id: "org/tuned",
  base: { id: "org/base", sha: BASE_SHA },
  message: null,
  report_url: null,
  ...rest,
});

describe("the card's comparison with its base", () => {
  it("has a slot on a fine-tune's card only", () => {
    const ctx = (r: ReturnType<typeof tuned>) => liveCardContext(r, { origin: "https://site.example", serviceBase: "https://api.example", pinned: false });
    const slot = baseComparisonSlot(tuned("finetune"), ctx(tuned("finetune")))!.markup;
    expect(slot).toContain('data-base-comparison data-api="https://api.example" data-model="org/tuned"');
    expect(slot).toContain(`data-sha="${SHA}"`);
    expect(slot).toContain("hidden");
    for (const other of [tuned("adapter"), tuned(null), tuned("merge")]) expect(baseComparisonSlot(other, ctx(other))).toBeNull();
  });

  it("says each state in a sentence, linking the base's card and the comparison", () => {
    const said = (c: ComparisonView) => textOfHtml(baseComparisonSentence(c, "https://api.example").markup);
    expect(said(view("pending"))).toBe("Comparing with its base org/base (commit bbbbbbbbbbbb): the delta analysis (every layer's W − W_base) is running; this line changes when it is done.");
    const done = baseComparisonSentence(view("done", { report_url: `/api/reports/org/tuned@${SHA}/delta/org/base@${BASE_SHA}` }), "https://api.example").markup;
    expect(textOfHtml(done)).toBe("Compared with its base org/base (commit bbbbbbbbbbbb): see what fine-tuning changed, layer by layer, or the delta report.");
    expect(done).toContain('href="/org/base/"');
    expect(done).toContain('href="/compare/?a=org%2Ftuned&amp;b=org%2Fbase"');
    expect(done).toContain(`href="https://api.example/api/reports/org/tuned@${SHA}/delta/org/base@${BASE_SHA}"`);
    expect(said(view("base_gated", { base: { id: "org/base", sha: null } }))).toBe(
      "Its card names org/base as its base, which is gated on the Hub, so this service does not compare the two: this report is of the model alone.",
    );
    expect(said(view("base_missing", { base: { id: "org/base", sha: null } }))).toMatch(/^Its card names org\/base as its base, but the Hub has no public model of that name/);
    expect(said(view("base_incompatible", { message: "no layer of the model has a counterpart" }))).toMatch(/cannot be compared layer by layer \(no layer of the model has a counterpart\): this report is of the model alone\.$/);
    expect(said(view("failed", { message: "the Hub kept failing" }))).toMatch(/failed \(the Hub kept failing\); analysing the model again tries it anew\.$/);
  });

  it("escapes what the service says and drops a report URL that is not the API's", () => {
    const hostile = view("done", { base: { id: 'x"><img src=x onerror=alert(1)>', sha: BASE_SHA }, report_url: "javascript:alert(1)" });
    const markup = baseComparisonSentence(hostile, "").markup;
    expect(smuggledMarkup(markup)).toEqual([]);
    expect(markup).not.toContain("javascript:");
    expect(smuggledMarkup(baseComparisonSentence(view("failed", { message: "<script>alert(1)</script>" }), "").markup)).toEqual([]);
  });

  it("reads only answers of the API's shape", () => {
    expect(readComparison({ ...view("done"), key: "k", updated_at: "t" })).toEqual(view("done"));
    for (const bad of [null, "done", { ...view("done"), state: "weird" }, { ...view("done"), base: null }, { ...view("done"), id: 1 }]) expect(readComparison(bad)).toBeNull();
  });
});
