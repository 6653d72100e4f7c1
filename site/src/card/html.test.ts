import { describe, expect, it } from "vitest";
import { HOSTILE } from "../../../test/helpers/fixture-report-specs.ts";
import { escapeMarkup } from "#shared/web";
import { exact, html } from "./html.ts";

describe("html templates", () => {
  it("escapes every interpolated string, in text and in attributes", () => {
    const out = html`<a title="${HOSTILE.attribute}">${HOSTILE.script}</a>`.markup;
    expect(out).toBe('<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;</a>');
    expect(html`<p>${HOSTILE.mustache}</p>`.markup).toBe("<p>{{constructor.constructor(&#39;alert(2)&#39;)()}}</p>");
  });

  it("shows bidi controls and zero-width marks in text, and keeps them in exact values", () => {
    expect(html`<b>${HOSTILE.rtl}${HOSTILE.zeroWidth}</b>`.markup).toBe("<b>⟨U+202E⟩exe.fdp⟨U+202C⟩zero⟨U+200B⟩width⟨U+200D⟩join</b>");
    expect(html`<td data-value="${exact(`${HOSTILE.rtl}"`)}">`.markup).toBe('<td data-value="\u202Eexe.fdp\u202C&quot;">');
  });

  it("nests markup, joins lists, and drops nothing-values", () => {
    const items = ["a&b", "c"].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}${false}${null}${undefined}${true}</ul>`.markup).toBe("<ul><li>a&amp;b</li><li>c</li></ul>");
    expect(html`<svg width="${420}" x="${-1.5}"></svg>`.markup).toBe('<svg width="420" x="-1.5"></svg>');
    expect(String(html`<i>${"x"}</i>`)).toBe("<i>x</i>");
  });

  it("escapes the five characters that matter and nothing else", () => {
    expect(escapeMarkup(`&<>"' α ⟨`)).toBe("&amp;&lt;&gt;&quot;&#39; α ⟨");
  });
});
