import { describe, expect, it } from "vitest";
import { fixtureReport } from "../../../test/helpers/card-reports.ts";
import { smuggledMarkup, textOfHtml } from "../../../test/helpers/inert-html.ts";
import { badgePanel } from "./badge-panel.ts";
import { liveCardContext } from "./card-context.ts";
import { cardDescription, cardTitle, spectraTitle } from "./card-meta.ts";
import { layerTable } from "./layer-table.ts";
import { provenance } from "./provenance.ts";
import { renderSpectraPage } from "./spectra-list.ts";
import { warningsPanel } from "./warnings-panel.ts";

const gpt2 = fixtureReport("gpt2-like-failures.json");
const hostile = fixtureReport("hostile-local.json");
const live = (report = gpt2) => liveCardContext(report, { origin: "https://site.example", serviceBase: "", pinned: false });

describe("the card's panels", () => {
  it("lists layers in depth order with exact values to sort by", () => {
    const table = layerTable(gpt2.layers, true, "/s/").markup;
    const names = [...table.matchAll(/<tr data-layer="([^"]+)"/g)].map((m) => m[1]);
    expect(names.indexOf("transformer.h.2.attn.c_attn")).toBeLessThan(names.indexOf("transformer.h.10.attn.c_attn"));
    const layer = gpt2.layers.find((l) => l.alpha !== null && l.alpha > 0)!;
    expect(table).toContain(`data-column="alpha" data-value="${layer.alpha}"`);
    expect(table).toContain("rand_num_spikes");
    expect(layerTable(gpt2.layers, false, "/s/").markup).not.toContain("rand_num_spikes");
  });

  it("groups warnings and links them to the spectra", () => {
    const out = warningsPanel(gpt2, "/s/").markup;
    expect(textOfHtml(out)).toContain("power-law fit failed");
    expect(out).toContain('<a class="small" href="#failed-title">see why</a>');
    expect(out).toMatch(/href="\/s\/#layer-\d+"/);
  });

  it("offers badge snippets for Hub models only", () => {
    const hub = textOfHtml(badgePanel(gpt2, "https://site.example/example/gpt2-like", "https://api.example").markup);
    expect(hub).toContain("[![heavytail α](https://api.example/badge/example/gpt2-like.svg)](https://site.example/example/gpt2-like)");
    expect(hub).toContain(`https://api.example/badge/example/gpt2-like@${gpt2.model.sha}.svg`);
    expect(textOfHtml(badgePanel(hostile, "", "").markup)).toContain("Badges are served for Hub models");
  });

  it("links provenance to the Hub and, where revisions are not known, to the service's list", () => {
    const out = provenance(gpt2, live()).markup;
    expect(out).toContain(`href="https://huggingface.co/example/gpt2-like/tree/${gpt2.model.sha}"`);
    expect(out).toContain('<a href="/api/reports">the service\'s list of reports</a>');
    const known = provenance(gpt2, { ...live(), revisions: [{ sha: gpt2.model.sha, revision: "main", created_at: gpt2.created_at, href: "/a/" }, { sha: "b".repeat(40), revision: "v1", created_at: "2025-01-01T00:00:00Z", href: "/b/" }] }).markup;
    expect(known).toContain('<span class="chip neutral">this one</span>');
    expect(known).toContain('<a href="/b/" class="mono">bbbbbbbbbbbb</a>');
  });

  it("shows a PEFT adapter's config in provenance, its strings inert", () => {
    const adapter = { peft_type: "LORA", r: 16, lora_alpha: 32, target_modules: ["q_proj", "<img src=x onerror=alert(1)>"], base_model_name_or_path: "meta-llama/Llama-2-7b-hf" };
    const out = provenance({ ...gpt2, model: { ...gpt2.model, adapter } }, live()).markup;
    expect(textOfHtml(out)).toContain("LORA adapter, r 16, lora_alpha 32");
    expect(out).toContain('<a href="https://huggingface.co/meta-llama/Llama-2-7b-hf" rel="noopener">meta-llama/Llama-2-7b-hf</a>');
    expect(smuggledMarkup(out)).toEqual([]);
    const local = provenance({ ...gpt2, model: { ...gpt2.model, adapter: { ...adapter, target_modules: ".*proj", base_model_name_or_path: '"><script>x</script>' } } }, live()).markup;
    expect(smuggledMarkup(local)).toEqual([]);
    expect(textOfHtml(local)).toContain('"><script>x</script>');
    expect(provenance(gpt2, live()).markup).not.toContain("adapter");
  });

  it("shows a model's lineage, Hub bases linked to their cards here, and a delta analysis's base; strings inert", () => {
    const lineage = {
      base_models: [
        { id: "meta-llama/Llama-2-7b-hf", relation: "finetune", source: "card" as const },
        { id: '"><img src=x onerror=alert(1)>', relation: "<b>merge</b>", source: "gguf" as const },
      ],
    };
    const base = { id: "org/base", source: "hub" as const, revision: "main", sha: "c".repeat(40), files: [] };
    const out = provenance({ ...gpt2, model: { ...gpt2.model, lineage }, method: { ...gpt2.method, base } }, live()).markup;
    expect(out).toContain('<a href="/meta-llama/Llama-2-7b-hf/">meta-llama/Llama-2-7b-hf</a>');
    expect(textOfHtml(out)).toContain("(finetune; model card)");
    expect(textOfHtml(out)).toContain("every layer is W − W_base against org/base at cccccccccccc");
    expect(out).toContain('<a href="/org/base/">org/base</a>');
    expect(smuggledMarkup(out)).toEqual([]);
    expect(provenance(gpt2, live()).markup).not.toContain("derived from");
  });

  it("renders the spectra page with one panel per layer", () => {
    const page = renderSpectraPage(gpt2, live());
    for (const layer of gpt2.layers) expect(page).toContain(`id="layer-${layer.layer_id}"`);
    expect(page).toContain(`<a href="/example/gpt2-like/@${gpt2.model.sha}/">example/gpt2-like</a>`);
  });

  it("keeps hostile strings inert in every panel, the page title and the description", () => {
    const ctx = live(hostile);
    for (const out of [layerTable(hostile.layers, true, "/s/").markup, warningsPanel(hostile, "/s/").markup, provenance(hostile, ctx).markup, renderSpectraPage(hostile, ctx)]) {
      expect(smuggledMarkup(out)).toEqual([]);
      expect(textOfHtml(out)).not.toMatch(/[\u200B-\u200F\u202A-\u202E]/);
    }
    expect(cardTitle({ ...hostile, model: { ...hostile.model, id: "a\u202Eb", sha: "c".repeat(40) } }, true)).toBe("a⟨U+202E⟩b @ ccccccc · heavytail report card");
    expect(spectraTitle(gpt2)).toBe("Spectra of example/gpt2-like · heavytail");
    expect(cardDescription(gpt2)).toMatch(/^example\/gpt2-like: mean α [\d.]+ \(well-trained\) over \d+ layers, log α-norm [\d.]+\.$/);
  });
});
