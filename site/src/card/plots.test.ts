import { describe, expect, it } from "vitest";
import { fixtureReport } from "../../../test/helpers/card-reports.ts";
import { smuggledMarkup } from "../../../test/helpers/inert-html.ts";
import { alphaHistogramPlot } from "./alpha-histogram-plot.ts";
import { correlationFlow } from "./correlation-flow.ts";
import { esdPlot } from "./esd-plot.ts";

const hostile = fixtureReport("hostile-local.json");
const gpt2 = fixtureReport("gpt2-like-failures.json");

describe("the card's plots", () => {
  it("draw SVG with a title, a description and marks", () => {
    for (const svg of [esdPlot("e", gpt2.layers[0]).markup, correlationFlow("f", gpt2.layers).markup, alphaHistogramPlot("h", gpt2.layers).markup]) {
      expect(svg).toMatch(/<svg viewBox="0 0 \d+ \d+"[^>]* role="img" aria-labelledby="(\w+)-title \1-desc"/);
      expect(svg).toMatch(/<title id="\w+-title">[^<]+<\/title><desc id="\w+-desc">[^<]{20,}<\/desc>/);
      expect(svg).toMatch(/<path [^>]*d="M[^"]+"/);
    }
  });

  it("count failed fits in the flow and histogram", () => {
    expect(correlationFlow("f", gpt2.layers).markup).toContain("× fit failed (2)");
    expect(alphaHistogramPlot("h", gpt2.layers).markup).toContain(" 2 failed fits are not counted.");
  });

  it("name layers as text in titles and descriptions", () => {
    for (const layer of hostile.layers) {
      const svg = esdPlot(`esd-${layer.layer_id}`, layer).markup;
      expect(smuggledMarkup(svg)).toEqual([]);
      expect(svg).not.toMatch(/[\u200B-\u200F\u202A-\u202E]/);
    }
  });

  it("say so when a layer has no positive eigenvalue", () => {
    const layer = { ...gpt2.layers[0], esd: { ...gpt2.layers[0].esd, counts: gpt2.layers[0].esd.counts.map(() => 0), zero_count: 96 } };
    expect(esdPlot("e", layer).markup).toMatch(/^<p class="muted small">No positive eigenvalues to plot \(\d+ eigenvalues, 96 at zero\)\.<\/p>$/);
  });
});
