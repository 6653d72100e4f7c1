import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { modelSlug } from "../../site/src/lib/model-slug.ts";
import { reportPaths } from "../../site/src/lib/report-paths.ts";
import { revealInvisible } from "../../site/src/lib/reveal-invisible.ts";
import { HOSTILE } from "../helpers/fixture-report-specs.ts";
import { buildFixtureSite, FIXTURE_REPORTS, type BuiltSite } from "./build-fixture-site.ts";
import { scanHtmlTags } from "./scan-html-tags.ts";

const fixtures: { file: string; text: string; report: Report }[] = readdirSync(FIXTURE_REPORTS)
  .filter((f) => f.endsWith(".json"))
  .map((file) => {
    const text = readFileSync(join(FIXTURE_REPORTS, file), "utf8");
    return { file, text, report: JSON.parse(text) as Report };
  });

/** The newest report of each model, as the leaderboard lists them. */
const latestByModel = () => {
  const latest = new Map<string, Report>();
  for (const { report } of fixtures) {
    const seen = latest.get(report.model.id);
    if (!seen || Date.parse(report.created_at) > Date.parse(seen.created_at)) latest.set(report.model.id, report);
  }
  return [...latest.values()];
};

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => join(e.parentPath, e.name));

/** The entities Astro writes, decoded. */
const decode = (html: string) =>
  html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;|&#38;/g, "&");

/** Text of an HTML fragment with tags removed and entities decoded. */
const textOf = (html: string) => decode(html.replace(/<[^>]*>/g, ""));

let site: BuiltSite;
const page = (path: string) => readFileSync(join(site.dist, path, path.endsWith(".json") ? "" : "index.html"), "utf8");

beforeAll(async () => {
  site = await buildFixtureSite({
    "not-json.json": "{ this is not json",
    "wrong-schema.json": JSON.stringify({ schema: "heavytail.report/v0", model: { id: "bad/report" } }),
  }, ["--site", "https://heavytail.example"]);
}, 300_000);

describe("the site built from fixture reports", () => {
  it("leaves out documents that are not valid reports, and says so", () => {
    expect(site.stderr).toContain("not-json.json");
    expect(site.stderr).toContain("wrong-schema.json");
    expect(site.stdout).toMatch(/17 models, 19 reports \(2 left out\)/);
    expect(existsSync(join(site.dist, "bad", "report"))).toBe(false);
  });

  it("gives every model a card, every revision a pinned card and spectra, and publishes the raw JSON", () => {
    for (const { text, report } of fixtures) {
      const slug = modelSlug(report.model.id, report.model.source);
      const paths = reportPaths(slug, report.model.sha);
      expect(existsSync(join(site.dist, paths.card, "index.html")), paths.card).toBe(true);
      expect(existsSync(join(site.dist, paths.base, "index.html")), paths.base).toBe(true);
      expect(existsSync(join(site.dist, paths.spectra, "index.html")), paths.spectra).toBe(true);
      expect(readFileSync(join(site.dist, paths.rawJson), "utf8")).toBe(text);
    }
  });

  it("ranks the leaderboard by log α-norm within each family, the largest family first", () => {
    const html = page("");
    const sections = html
      .split("<tbody>")
      .slice(1)
      .map((body) => ({
        family: decode(/<span class="group-label">([^<]*)<\/span>/.exec(body)![1]),
        ids: [...body.matchAll(/<td class="text sticky-col name" data-value="([^"]*)"/g)].map((m) => decode(m[1])),
        ranks: scanHtmlTags(body).flatMap((tag, i, tags) =>
          tag.name === "tr" && tag.attributes.some(([n]) => n === "data-family") ? [Number(tags[i + 1].attributes.find(([n]) => n === "data-value")![1])] : [],
        ),
      }));
    const byNorm = (a: Report, b: Report) => (a.summary.reference.log_alpha_norm ?? Infinity) - (b.summary.reference.log_alpha_norm ?? Infinity);
    const families = [...new Set(latestByModel().map((r) => r.model.family))];
    const expected = families
      .map((family) => ({ family, ids: latestByModel().filter((r) => r.model.family === family).sort(byNorm).map((r) => r.model.id) }))
      .sort((a, b) => ((a.family === null) !== (b.family === null) ? (a.family === null ? 1 : -1) : b.ids.length - a.ids.length || (a.family! < b.family! ? -1 : 1)));
    expect(sections.map((s) => s.family)).toEqual(expected.map((e) => revealInvisible(e.family ?? "other: no family")));
    expect(sections.map((s) => s.ids)).toEqual(expected.map((e) => e.ids));
    for (const s of sections) expect(s.ranks).toEqual(s.ids.map((_, i) => i + 1));
  });

  it("offers each family and size bracket present as a filter, and says to compare within a series", () => {
    const html = page("");
    for (const family of ["llama", "gpt2", "convnet"]) expect(html).toContain(`<option value="${family}">${family}</option>`);
    expect(html).toContain('<option value="lt10m">');
    expect(html).toContain('<option value="100m-1b">');
    expect(textOf(html)).toContain("Compare within one architecture series");
  });

  it("never turns a string from a report into markup", () => {
    for (const file of htmlFiles(site.dist)) {
      for (const tag of scanHtmlTags(readFileSync(file, "utf8"))) {
        const where = `${file}: <${tag.name}>`;
        expect(tag.attributes.filter(([name]) => name.startsWith("on")), where).toEqual([]);
        expect(["img", "svg", "script"].includes(tag.name) && tag.attributes.some(([n, v]) => n === "src" && v === "x"), where).toBe(false);
        if (tag.name === "script") {
          const src = tag.attributes.find(([n]) => n === "src")?.[1];
          if (src !== undefined) expect(src, where).toMatch(/^\/_astro\/[\w.-]+\.js$/);
          expect(tag.rawText ?? "", where).not.toContain("alert(");
        }
        for (const [name, value] of tag.attributes) {
          if (name === "href" || name === "src") expect(value, where).not.toMatch(/^\s*javascript:/i);
        }
      }
    }
  });

  it("shows hostile strings as text, with invisible and right-to-left marks made visible", () => {
    const local = latestByModel().find((r) => r.model.id === HOSTILE.attribute)!;
    const card = page(reportPaths(modelSlug(local.model.id, "local"), null).card);
    const text = textOf(card);
    expect(text).toContain(HOSTILE.attribute);
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain(HOSTILE.mustache);
    expect(text).toContain(revealInvisible(HOSTILE.rtl));
    expect(text).toContain(revealInvisible(HOSTILE.zeroWidth));
    expect(text).not.toMatch(/[\u200B-\u200F\u202A-\u202E]/);
    expect(card).toContain("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;");
    const hub = latestByModel().find((r) => r.model.id.startsWith("rtl-org/"))!;
    const hubCard = textOf(page(reportPaths(modelSlug(hub.model.id, "hub"), null).card));
    expect(hubCard).toContain("rtl-org/⟨U+202E⟩exe.fdp⟨U+202C⟩zero⟨U+200B⟩width⟨U+200D⟩join");
  });

  it("draws a report card's plots as SVG with paths and a text alternative", () => {
    const card = page("example/llama-mini/");
    const svgs = [...card.matchAll(/<svg viewBox[^>]*role="img"[^>]*>([\s\S]*?)<\/svg>/g)].map((m) => m[1]);
    expect(svgs.length).toBeGreaterThanOrEqual(4);
    for (const svg of svgs) {
      expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
      expect(svg).toMatch(/<desc id="[^"]+">[^<]{20,}<\/desc>/);
      expect(svg).toMatch(/<path [^>]*d="M[^"]+"/);
    }
    expect(card).toContain("Correlation flow");
  });

  it("lists every layer of a model with hundreds of them, in the table and on the spectra page", () => {
    const deep = fixtures.find((f) => f.report.model.id === "example/llama-deep")!.report;
    expect(deep.layers.length).toBeGreaterThan(200);
    const card = page("example/llama-deep/");
    const table = card.slice(card.indexOf("data-sortable"));
    expect((table.slice(0, table.indexOf("</table>")).match(/<tr[ >]/g) ?? []).length).toBe(deep.layers.length + 1);
    const spectra = page(reportPaths("example/llama-deep", deep.model.sha).spectra);
    for (const layer of deep.layers) expect(spectra).toContain(`id="layer-${layer.layer_id}"`);
  });

  it("shows failed and skipped layers with their reasons", () => {
    const report = fixtures.find((f) => f.report.model.id === "example/gpt2-like")!.report;
    const text = textOf(page("example/gpt2-like/"));
    expect(text).toContain(`Failed layers (${report.failed.length})`);
    expect(text).toContain(`Skipped tensors (${report.skipped.length})`);
    for (const f of report.failed) expect(text).toContain(f.error);
    for (const s of report.skipped) expect(text).toContain(s.reason);
    expect(text).toContain("power-law fit failed");
  });

  it("gives Hub models copy-ready badge snippets and local ones none", () => {
    const card = textOf(page("example/llama-mini/"));
    expect(card).toContain("[![heavytail α](https://heavytail.example/badge/example/llama-mini.svg)](https://heavytail.example/example/llama-mini/)");
    expect(card).toContain('<a href="https://heavytail.example/example/llama-mini/"><img src="https://heavytail.example/badge/example/llama-mini.svg" alt="heavytail α"></a>');
    expect(card).toContain("https://img.shields.io/endpoint?url=https%3A%2F%2Fheavytail.example%2Fbadge%2Fexample%2Fllama-mini.json");
    const local = latestByModel().find((r) => r.model.id === HOSTILE.attribute)!;
    expect(textOf(page(reportPaths(modelSlug(local.model.id, "local"), null).card))).toContain("Badges are served for Hub models");
  });

  it("links provenance: the Hub, the commit, the raw JSON and the other revisions", () => {
    const newest = fixtures.find((f) => f.file === "llama-mini-new.json")!.report;
    const older = fixtures.find((f) => f.file === "llama-mini-old.json")!.report;
    const card = page("example/llama-mini/");
    expect(card).toContain('href="https://huggingface.co/example/llama-mini"');
    expect(card).toContain(`href="https://huggingface.co/example/llama-mini/tree/${newest.model.sha}"`);
    expect(card).toContain(`href="/example/llama-mini/@${newest.model.sha}/report.json"`);
    expect(card).toContain(`href="/example/llama-mini/@${older.model.sha}/"`);
    expect(textOf(page(`example/llama-mini/@${older.model.sha}/`))).toContain("This is an earlier analysis of the model");
  });

  it("regresses the curated accuracies on the trends page, and leaves out models not analysed", () => {
    const html = page("trends/");
    const text = textOf(html);
    expect(text).toContain("ConvNet");
    expect(text).toContain("4 analysed models with a curated accuracy");
    expect(text).not.toContain("example/not-analysed");
    expect(text).toMatch(/R² [\d.]+ · RMSE [\d.]+ · Kendall τ -?[\d.]+ · n 4/);
    expect(text).toContain("The paper's Table 1, reproduced");
  });

  it("renders the real engine's reports of the real fixture models", () => {
    const ppocr = fixtures.find((f) => f.file === "cli-ppocrv4_rec.json")!.report;
    const card = page(reportPaths(modelSlug(ppocr.model.id, "local"), null).card);
    const text = textOf(card);
    expect(text).toContain(`Skipped tensors (${ppocr.skipped.length})`);
    const table = card.slice(card.indexOf("data-sortable"));
    expect((table.slice(0, table.indexOf("</table>")).match(/<tr[ >]/g) ?? []).length).toBe(ppocr.layers.length + 1);
    expect(text).toContain("conv2d");
    expect(text).toContain("randomization on, seed 7");
  });

  it("leaves no build internals in the output", () => {
    const files = readdirSync(site.dist, { recursive: true }) as string[];
    expect(files.filter((f) => f.endsWith(".mjs") || f.startsWith("chunks") || f.startsWith("."))).toEqual([]);
  });

  it("writes the method page and a 404 page", () => {
    expect(textOf(page("method/"))).toContain("Parity with weightwatcher");
    expect(existsSync(join(site.dist, "404.html"))).toBe(true);
  });
});
