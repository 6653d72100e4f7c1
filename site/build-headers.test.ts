import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { headersFileRules } from "../test/browser/headers-file-rules.ts";
import { buildFixtureSite, type BuiltSite } from "../test/site/build-fixture-site.ts";
import { scanHtmlTags } from "../test/site/scan-html-tags.ts";
import { pageSecurityHeaders } from "#shared/web";

// The built site's `_headers` and the pages' markup, against the policy it gives them: Workers
// assets serve these files before the Worker runs, so the file is all that secures them.

let site: BuiltSite;
/** each built page: the path it is served at and its HTML */
let pages: { path: string; html: string }[];

beforeAll(async () => {
  site = await buildFixtureSite({}, ["--service", "https://api.heavytail.example"]);
  pages = (readdirSync(site.dist, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => {
      const file = relative(site.dist, join(e.parentPath, e.name)).split(sep).join("/");
      return { path: `/${file.replace(/(^|\/)index\.html$/, "$1")}`, html: readFileSync(join(site.dist, file), "utf8") };
    });
}, 300_000);

describe("the built site's _headers", () => {
  it("gives every page its security headers, with --service in connect-src", () => {
    const headersFor = headersFileRules(site.dist);
    const expected = Object.fromEntries(Object.entries(pageSecurityHeaders("https://api.heavytail.example")).map(([k, v]) => [k.toLowerCase(), v]));
    expect(expected["content-security-policy"]).toContain("connect-src 'self' https://api.heavytail.example;");
    expect(pages.map((p) => p.path)).toEqual(expect.arrayContaining(["/", "/_live/", "/404.html", "/analyze-local/", "/example/llama-mini/"]));
    for (const { path } of pages) expect(headersFor(path), path).toEqual(expected);
    // and the files beside them: the scripts (the local analysis's worker among them) and the reports
    for (const file of readdirSync(join(site.dist, "_astro"))) expect(headersFor(`/_astro/${file}`), file).toEqual(expected);
  });

  it("builds pages that need no exception to it: no inline script, style element, event handler or foreign resource", () => {
    const offences: string[] = [];
    for (const { path, html } of pages) {
      for (const tag of scanHtmlTags(html)) {
        const attr = (name: string) => tag.attributes.find(([n]) => n === name)?.[1];
        const where = `${path}: <${tag.name}>`;
        if (tag.name === "script" && (attr("src") === undefined || !attr("src")!.startsWith("/"))) offences.push(`${where} inline or foreign script`);
        if (tag.name === "style") offences.push(`${where} style element`);
        if (tag.name === "link" && !attr("href")!.startsWith("/")) offences.push(`${where} foreign ${attr("rel")}`);
        if (tag.name === "img" && !/^(\/|data:)/.test(attr("src") ?? "")) offences.push(`${where} foreign image`);
        if (tag.name === "base" || tag.name === "object" || tag.name === "embed" || tag.name === "iframe") offences.push(`${where} not allowed`);
        for (const [name, value] of tag.attributes) {
          if (name.startsWith("on")) offences.push(`${where} ${name}`);
          if (/^\s*javascript:/i.test(value)) offences.push(`${where} javascript: URL in ${name}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });
});
