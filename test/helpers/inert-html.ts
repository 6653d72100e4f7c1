import { scanHtmlTags } from "../site/scan-html-tags.ts";

/** Markup a string from a report could have smuggled into a page: event handlers, `<script>`, `<img src=x>`, `javascript:` links. */
export function smuggledMarkup(html: string): string[] {
  return scanHtmlTags(html).flatMap((tag) => [
    ...tag.attributes.filter(([name]) => name.startsWith("on")).map(([name]) => `<${tag.name} ${name}>`),
    ...(tag.name === "script" ? ["<script>"] : []),
    ...(tag.attributes.some(([n, v]) => n === "src" && v === "x") ? [`<${tag.name} src=x>`] : []),
    ...tag.attributes.filter(([n, v]) => (n === "href" || n === "src") && /^\s*javascript:/i.test(v)).map(([n]) => `${n}=javascript:`),
  ]);
}

/** The text of an HTML fragment as a reader sees it: tags dropped, entities decoded. */
export function textOfHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;|&#38;/g, "&");
}
