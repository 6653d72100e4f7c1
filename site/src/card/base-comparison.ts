import { fineTuneBase } from "#shared/lineage";
import type { Report } from "#shared/report";
import { liveComparePath } from "../compare/compare-path.ts";
import type { CardContext } from "./card-context.ts";
import { html, type Html } from "./html.ts";
import { baseCardPath } from "./lineage-facts.ts";

/** `GET /api/comparisons/{id}@{sha}` as the card reads it (docs/api.md, Comparisons). */
export interface ComparisonView {
  state: "pending" | "done" | "base_gated" | "base_missing" | "base_incompatible" | "failed";
  id: string;
  base: { id: string; sha: string | null };
  message: string | null;
  report_url: string | null;
}

const STATES: readonly string[] = ["pending", "done", "base_gated", "base_missing", "base_incompatible", "failed"];

/** The API's answer when it has the shape the sentence needs, else null (it is the service's word, not trusted). */
export function readComparison(doc: unknown): ComparisonView | null {
  const d = doc as Partial<ComparisonView> | null;
  if (typeof d !== "object" || d === null || !STATES.includes(d.state as string) || typeof d.id !== "string") return null;
  const base = d.base as Partial<ComparisonView["base"]> | undefined;
  if (typeof base?.id !== "string" || (base.sha !== null && typeof base.sha !== "string")) return null;
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return { state: d.state!, id: d.id, base: { id: base.id, sha: base.sha }, message: text(d.message), report_url: text(d.report_url) };
}

/**
 * Where the card says what became of comparing it with its base: a fine-tune's card (its card names
 * one base, as what it was fine-tuned from) of a Hub commit, filled in by the page's script from the
 * service (showBaseComparison); nothing for other reports.
 */
export function baseComparisonSlot(report: Report, ctx: CardContext): Html | null {
  const base = fineTuneBase(report.model);
  if (base === null || report.model.source !== "hub" || !report.model.sha || report.method.base) return null;
  return html`<p class="callout" data-base-comparison data-api="${ctx.api}" data-model="${report.model.id}" data-sha="${report.model.sha}" aria-live="polite" hidden></p>`;
}

/** The card's sentence on its comparison with its base; every value in it is the service's and is escaped. */
export function baseComparisonSentence(c: ComparisonView, api: string): Html {
  const base = html`<a href="${baseCardPath(c.base.id)}">${c.base.id}</a>`;
  const commit = c.base.sha && html` (commit <span class="mono">${c.base.sha.slice(0, 12)}</span>)`;
  const alone = "this report is of the model alone.";
  switch (c.state) {
    case "pending":
      return html`Comparing with its base ${base}${commit}: the delta analysis (every layer's W − W_base) is running; this line changes when it is done.`;
    case "done":
      return html`Compared with its base ${base}${commit}: <a href="${liveComparePath(c.id, c.base.id)}">see what fine-tuning changed</a>, layer by layer${
        c.report_url?.startsWith("/api/") && html`, or the <a href="${api}${c.report_url}">delta report</a>`
      }.`;
    case "base_gated":
      return html`Its card names ${base} as its base, which is gated on the Hub, so this service does not compare the two: ${alone}`;
    case "base_missing":
      return html`Its card names ${c.base.id} as its base, but the Hub has no public model of that name, so there is no comparison: ${alone}`;
    case "base_incompatible":
      return html`Its card names ${base} as its base, but the two cannot be compared layer by layer (${c.message ?? "no reason given"}): ${alone}`;
    case "failed":
      return html`The comparison with its base ${base} failed (${c.message ?? "no reason given"}); analysing the model again tries it anew.`;
  }
}
