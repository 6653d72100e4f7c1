import { describe, expect, it } from "vitest";
import { fixtureReport } from "../../../test/helpers/card-reports.ts";
import { liveCardContext, liveLinks, localCardContext, refreshedCardContext, staticCardContext } from "./card-context.ts";
import type { ModelEntry } from "../lib/catalog-types.ts";

const sha = "a".repeat(40);

describe("card contexts", () => {
  it("links a live report to the service's paths for it", () => {
    expect(liveLinks("org/name", sha, "")).toEqual({
      card: "/org/name",
      base: `/org/name/@${sha}/`,
      spectra: `/org/name/@${sha}/spectra/`,
      rawJson: `/api/reports/org/name@${sha}`,
    });
    expect(liveLinks("gpt2", null, "https://api.example").rawJson).toBe("https://api.example/api/reports/gpt2");
  });

  it("builds the static context from the model's revisions, newest first", () => {
    const report = fixtureReport("llama-mini-new.json");
    const old = fixtureReport("llama-mini-old.json");
    const staged = (r: typeof report, file: string) => ({ file, head: { ...r, layers: undefined, skipped: undefined, failed: undefined } }) as unknown as ModelEntry["latest"];
    const model: ModelEntry = { slug: "example/llama-mini", id: report.model.id, source: "hub", latest: staged(report, "0.json"), revisions: [staged(report, "0.json"), staged(old, "1.json")] };
    const ctx = staticCardContext({ model, report: old, pinned: true, siteUrl: "https://site.example", serviceBase: "" });
    expect(ctx.links.base).toBe(`/example/llama-mini/@${old.model.sha}/`);
    expect(ctx.serviceOrigin).toBe("https://site.example");
    expect(ctx.latest).toEqual({ sha: report.model.sha, created_at: report.created_at });
    expect(ctx.revisions!.map((r) => r.href)).toEqual([`/example/llama-mini/@${report.model.sha}/`, `/example/llama-mini/@${old.model.sha}/`]);
  });

  it("puts a fresher report first among the revisions, keeping the model's card", () => {
    const built = liveCardContext(fixtureReport("llama-mini-old.json"), { origin: "https://site.example", serviceBase: "", pinned: false });
    const withRevisions = { ...built, links: { ...built.links, card: "/example/llama-mini/" }, revisions: [{ sha: "old", revision: "v0.1", created_at: "2025-01-01", href: "/x/" }] };
    const fresh = fixtureReport("llama-mini-new.json");
    const next = refreshedCardContext(withRevisions, fresh, "updated");
    expect(next.links.card).toBe("/example/llama-mini/");
    expect(next.links.rawJson).toBe(`/api/reports/example/llama-mini@${fresh.model.sha}`);
    expect(next.revisions!.map((r) => r.sha)).toEqual([fresh.model.sha, "old"]);
    expect(next).toMatchObject({ notice: "updated", pinned: false, latest: { sha: fresh.model.sha } });
  });

  it("keeps a local report's spectra and JSON on its own page", () => {
    const ctx = localCardContext(fixtureReport("hostile-local.json"), "blob:abc");
    expect(ctx).toMatchObject({ links: { spectra: "", rawJson: "blob:abc" }, embedded: true });
  });
});
