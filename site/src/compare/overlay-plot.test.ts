import { describe, expect, it } from "vitest";
import type { AnalysedLayer } from "#shared/report";
import { overlayPlot } from "./overlay-plot.ts";

const l = (alpha: number, log_alpha_norm: number | null) => ({ alpha, log_alpha_norm }) as AnalysedLayer;

describe("overlayPlot", () => {
  it("draws both models as their own series, with a text alternative", () => {
    const matched = [
      { name: "h.0", a: l(3, 2), b: l(3.5, 2.2) },
      { name: "h.1", a: l(-1, null), b: l(4, 2.5) },
      { name: "h.2", a: l(20, 3), b: null },
    ];
    const svg = overlayPlot("cmp-alpha", matched, "alpha", { a: "o/<a>", b: "o/b" }).markup;
    expect(svg).toContain('<path class="series-a"');
    expect(svg).toContain('<path class="series-b"');
    expect(svg).toContain("2 values of o/&lt;a&gt;, 2 of o/b");
    expect(svg).not.toContain("NaN");
    const norm = overlayPlot("cmp-norm", matched, "log_alpha_norm", { a: "a", b: "b" }).markup;
    expect(norm).toContain("2 values of a, 2 of b");
  });

  it("draws an empty frame when no layer has a value", () => {
    expect(overlayPlot("e", [], "alpha", { a: "a", b: "b" }).markup).not.toContain("NaN");
  });
});
