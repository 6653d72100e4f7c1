import type { AnalysedLayer } from "#shared/report";
import { OVER_TRAINED_BELOW, UNDER_TRAINED_ABOVE } from "#shared/format";
import { alphaHistogram } from "../lib/alpha-histogram.ts";
import { niceTicks } from "../lib/nice-ticks.ts";
import { plotLayout } from "../lib/plot-layout.ts";
import { barsPath } from "../lib/svg-paths.ts";
import { html, type Html } from "./html.ts";
import { plotFrame } from "./plot-frame.ts";

const ZONES = ["over", "in-band", "under"] as const;
const zone = (b: { lo: number; hi: number }) => (b.hi <= OVER_TRAINED_BELOW ? "over" : b.lo >= UNDER_TRAINED_ABOVE ? "under" : "in-band");

/** How many layers fall in each α bin, the well-trained band shaded. */
export function alphaHistogramPlot(id: string, layers: readonly AnalysedLayer[]): Html {
  const alphas = layers.map((l) => l.alpha).filter((a): a is number => a !== null && a > 0);
  const failed = layers.length - alphas.length;
  const { bins, overflow } = alphaHistogram(alphas);
  const top = bins.at(-1)!.hi;
  const highest = Math.max(1, overflow, ...bins.map((b) => b.count));
  const L = plotLayout({
    width: 520,
    height: 300,
    margin: { top: 14, right: 16, bottom: 42, left: 46 },
    xDomain: [0, top + (overflow ? 1 : 0)],
    yDomain: [0, highest * 1.1],
    xTicks: niceTicks(0, top, 6),
    yTicks: niceTicks(0, highest, 5).filter(Number.isInteger),
  });
  const gap = 1;
  const bar = (b: { lo: number; hi: number; count: number }): [number, number, number] => [L.x(b.lo) + gap / 2, L.x(b.hi) - gap / 2, L.y(b.count)];
  const present = bins.filter((b) => b.count > 0);
  const desc =
    `Histogram of α over ${alphas.length} fitted layers in bins of 0.5, with the well-trained band ${OVER_TRAINED_BELOW} to ${UNDER_TRAINED_ABOVE} shaded. ` +
    `${alphas.filter((a) => a >= OVER_TRAINED_BELOW && a <= UNDER_TRAINED_ABOVE).length} layers fall in the band` +
    (overflow ? `, ${overflow} above ${top}` : "") +
    (failed ? `; ${failed} fits failed and are not shown` : "") +
    ".";
  const marks = html`<rect class="band" x="${L.x(OVER_TRAINED_BELOW)}" width="${L.x(UNDER_TRAINED_ABOVE) - L.x(OVER_TRAINED_BELOW)}" y="${L.top}" height="${L.bottom - L.top}"></rect>${ZONES.map(
    (z) => html`<path class="bars ${z}" d="${barsPath(present.filter((b) => zone(b) === z).map(bar), L.bottom)}"></path>`,
  )}${overflow > 0 && html`<path class="bars under" d="${barsPath([[L.x(top) + 4, L.x(top + 1) - 2, L.y(overflow)]], L.bottom)}"></path>`}`;
  const overlay = overflow > 0 && html`<text x="${L.x(top + 0.5) + 1}" y="${L.y(overflow) - 4}" text-anchor="middle">&gt;${top}</text>`;
  return html`<figure class="plot">${plotFrame(L, { id, title: "Distribution of layer α", desc, xLabel: "α", yLabel: "layers" }, marks, overlay)}<figcaption>Shaded: 2 ≤ α ≤ 6, the range of well-trained layers; below it over-trained, above it under-trained.${
    failed > 0 && ` ${failed} failed fits are not counted.`
  }</figcaption></figure>`;
}
