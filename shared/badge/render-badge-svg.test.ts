import { describe, expect, it } from "vitest";
import { renderBadgeSvg } from "./render-badge-svg.ts";

describe("renderBadgeSvg", () => {
  it("draws an accessible badge that says what it shows", () => {
    const svg = renderBadgeSvg({ label: "heavytail α", message: "3.42 well-trained", color: "brightgreen" });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="20" role="img" aria-label="heavytail α: 3.42 well-trained">/);
    expect(svg).toContain("<title>heavytail α: 3.42 well-trained</title>");
    expect(svg).toContain('fill="#4c1"');
    expect(svg.endsWith("</svg>")).toBe(true);
  });
  it("grows with its text", () => {
    const width = (s: string) => Number(/width="(\d+)"/.exec(s)![1]);
    const short = renderBadgeSvg({ label: "a", message: "b", color: "red" });
    const long = renderBadgeSvg({ label: "a", message: "b".repeat(40), color: "red" });
    expect(width(long)).toBeGreaterThan(width(short) + 200);
  });
  it("escapes hostile text and links", () => {
    const svg = renderBadgeSvg(
      { label: `"><script>alert(1)</script>`, message: "</text><image href=x onerror=alert(1)>", color: "lightgrey" },
      { link: `/org/name" onload="alert(1)` },
    );
    expect(svg).not.toMatch(/<script|<image|" onload=/);
    expect(svg).toContain('<a href="/org/name&quot; onload=&quot;alert(1)" target="_top">');
    expect(svg).toContain("&lt;script&gt;");
  });
});
