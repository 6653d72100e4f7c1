import { describe, expect, it } from "vitest";
import { scanHtmlTags } from "./scan-html-tags.ts";

describe("scanHtmlTags", () => {
  it("reads tags and attributes, not text or attribute values", () => {
    const tags = scanHtmlTags(`<p class="a" data-x="<script>alert(1)</script>">&lt;script&gt; 1 < 2</p><img src=x onerror=alert(1)>`);
    expect(tags.map((t) => t.name)).toEqual(["p", "img"]);
    expect(tags[0].attributes).toEqual([["class", "a"], ["data-x", "<script>alert(1)</script>"]]);
    expect(tags[1].attributes).toEqual([["src", "x"], ["onerror", "alert(1)"]]);
  });

  it("keeps script bodies and comments out of the markup", () => {
    const tags = scanHtmlTags(`<!-- <b> --><script type="module">if (a<b) x("<i>")</script><em>`);
    expect(tags.map((t) => t.name)).toEqual(["script", "em"]);
    expect(tags[0].rawText).toBe(`if (a<b) x("<i>")`);
  });
});
