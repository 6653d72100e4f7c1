import type { AnalysedLayer } from "#shared/report";
import { esdDensity, type DensityBin } from "../lib/esd-density.ts";
import { esdPlotRange } from "../lib/esd-plot-range.ts";
import { formatMetric } from "#shared/format";
import { logTickFormatter } from "../lib/log-tick-formatter.ts";
import { logTicks } from "../lib/log-ticks.ts";
import { plotLayout } from "../lib/plot-layout.ts";
import { powerLawLine } from "../lib/power-law-line.ts";
import { barsPath, linePath, stepPath } from "../lib/svg-paths.ts";
import { html, type Html } from "./html.ts";
import { plotFrame } from "./plot-frame.ts";

/** contiguous runs of bins, so the randomized outline does not bridge empty bins */
const runs = (list: DensityBin[]) =>
  list.reduce<DensityBin[][]>((acc, b, i) => {
    if (i > 0 && Math.abs(list[i - 1].hi - b.lo) < 1e-12) acc.at(-1)!.push(b);
    else acc.push([b]);
    return acc;
  }, []);

const log = (v: number | null) => (v !== null && v > 0 ? Math.log10(v) : null);

/** One layer's empirical spectral density on log–log axes, with its power-law fit, xmin and the MP bulk edge. */
export function esdPlot(id: string, layer: AnalysedLayer): Html {
  const esd = layer.esd;
  const total = esd.counts.reduce((s, c) => s + c, 0) + esd.zero_count;
  const range = esdPlotRange(esd.log10_edges, esd.counts, esd.zero_count, layer.lambda_max);
  const visible = (b: DensityBin) => b.hi > range.from;
  const bins = esdDensity(esd.log10_edges, esd.counts, total).filter(visible);
  if (bins.length === 0) {
    return html`<p class="muted small">No positive eigenvalues to plot (${layer.num_evals} eigenvalues, ${esd.zero_count} at zero).</p>`;
  }
  const randomized = esd.randomized_counts ? esdDensity(esd.log10_edges, esd.randomized_counts, total).filter(visible) : [];
  const fit = esd.fit;
  const line = fit ? powerLawLine(fit.alpha, fit.xmin, fit.xmax ?? layer.xmax, layer.num_pl_spikes, total) : null;
  const bulkMax = esd.mp?.bulk_max ?? null;

  const ys = [...bins, ...randomized].map((b) => b.logDensity);
  const xLo = range.from;
  const xHi = esd.log10_edges.at(-1)!;
  const xPad = Math.max((xHi - xLo) * 0.03, 0.05);
  const yLo = Math.min(...ys) - 0.4;
  const yHi = Math.max(...ys) + 0.5;
  const L = plotLayout({
    width: 420,
    height: 270,
    margin: { top: 16, right: 12, bottom: 40, left: 50 },
    xDomain: [xLo - xPad, xHi + xPad],
    yDomain: [yLo, yHi],
    xTicks: logTicks(xLo - xPad, xHi + xPad, 5),
    yTicks: logTicks(yLo, yHi, 5),
    xTickLabel: logTickFormatter(xLo - xPad, xHi + xPad),
    yTickLabel: logTickFormatter(yLo, yHi),
  });

  const xminLog = log(fit?.xmin ?? null);
  const bulkLog = log(bulkMax);
  const tailLogs = esd.tail.map(log).filter((v): v is number => v !== null);
  const desc =
    `Empirical spectral density of ${layer.name} on log–log axes: ${layer.num_evals} eigenvalues of WᵀW` +
    (range.hidden ? ` (${range.hidden} at or near zero not shown)` : "") +
    `, largest ${formatMetric(layer.lambda_max)}. ` +
    (fit && line ? `Power law fitted above xmin = ${formatMetric(fit.xmin)} with α = ${formatMetric(fit.alpha, 2)}. ` : "The power-law fit failed. ") +
    (bulkMax !== null ? `Marchenko–Pastur bulk edge at ${formatMetric(bulkMax)}. ` : "") +
    (randomized.length ? "The dashed outline is the ESD of the same weights shuffled at random." : "");
  const marks = html`<path class="esd-bars" d="${barsPath(bins.map((b) => [L.x(b.lo), L.x(b.hi), L.y(b.logDensity)]), L.bottom)}"></path>${
    randomized.length > 0 &&
    html`<path class="rand-line" d="${runs(randomized)
      .map((run) => stepPath(run.map((b) => [L.x(b.lo), L.x(b.hi), L.y(b.logDensity)])))
      .join("")}"></path>`
  }${line && html`<path class="fit-line" d="${linePath(line.map(([x, y]) => [L.x(x), L.y(y)]))}"></path>`}${
    xminLog !== null && html`<line class="xmin-line" x1="${L.x(xminLog)}" x2="${L.x(xminLog)}" y1="${L.top}" y2="${L.bottom}"></line>`
  }${bulkLog !== null && html`<line class="mp-line" x1="${L.x(bulkLog)}" x2="${L.x(bulkLog)}" y1="${L.top}" y2="${L.bottom}"></line>`}<path class="rug" d="${tailLogs
    .map((v) => `M${L.x(v).toFixed(1)} ${L.top}v6`)
    .join("")}"></path>`;
  const overlay = line && fit && html`<text class="fit-text" x="${L.right - 4}" y="${L.top + 18}" text-anchor="end">α = ${formatMetric(fit.alpha, 2)}</text>`;
  return html`<figure class="plot">${plotFrame(L, { id, title: `ESD of ${layer.name}`, desc, xLabel: "eigenvalue λ", yLabel: "density ρ(λ)" }, marks, overlay)}<ul class="legend"><li style="color: var(--plot-bars)"><span class="swatch box"></span><span class="muted">ESD</span></li>${
    randomized.length > 0 && html`<li style="color: var(--plot-rand)"><span class="swatch line dashed"></span><span class="muted">randomized</span></li>`
  }${line && html`<li style="color: var(--plot-fit)"><span class="swatch line"></span><span class="muted">power law, from xmin</span></li>`}${
    bulkLog !== null && html`<li style="color: var(--good)"><span class="swatch line dashed"></span><span class="muted">MP bulk edge</span></li>`
  }<li><span class="muted">ticks on top: largest eigenvalues</span></li></ul>${
    range.hidden > 0 &&
    html`<figcaption>${range.hidden} of ${total} eigenvalues are zero or more than 10⁷ times smaller than λmax (rounding noise) and not shown.</figcaption>`
  }</figure>`;
}
