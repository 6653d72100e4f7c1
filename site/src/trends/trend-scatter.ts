import type { TrendRegression } from "#shared/trends";
import { html } from "../card/html.ts";
import { plotFrame } from "../card/plot-frame.ts";
import { formatMetric } from "#shared/format";
import { niceTicks } from "../lib/nice-ticks.ts";
import { plotLayout } from "../lib/plot-layout.ts";
import { dotsPath, linePath } from "../lib/svg-paths.ts";

export interface TrendPoint {
  label: string;
  x: number;
  y: number;
}

const pad = (lo: number, hi: number): [number, number] => {
  const span = hi - lo || Math.abs(hi) || 1;
  return [lo - span * 0.08, hi + span * 0.08];
};

/** Accuracy against one metric for a series of models, with the least-squares line and its statistics. */
export function trendScatter(id: string, points: readonly TrendPoint[], fit: TrendRegression | null, xLabel: string, yLabel: string): string {
  const xDomain = pad(Math.min(...points.map((p) => p.x)), Math.max(...points.map((p) => p.x)));
  const yDomain = pad(Math.min(...points.map((p) => p.y)), Math.max(...points.map((p) => p.y)));
  const L = plotLayout({
    width: 440,
    height: 300,
    margin: { top: 14, right: 14, bottom: 42, left: 52 },
    xDomain,
    yDomain,
    xTicks: niceTicks(xDomain[0], xDomain[1], 5),
    yTicks: niceTicks(yDomain[0], yDomain[1], 5),
  });
  const line = fit ? linePath(xDomain.map((x) => [L.x(x), L.y(fit.slope * x + fit.intercept)])) : "";
  const stats = fit
    ? `R² ${formatMetric(fit.r2, 2)} · RMSE ${formatMetric(fit.rmse, 2)} · Kendall τ ${formatMetric(fit.kendall_tau, 2)} · n ${fit.n}`
    : "fewer than 3 usable models: no regression";
  const desc =
    `${yLabel} against ${xLabel} for ${points.length} models` +
    (fit ? `, with the least-squares line (slope ${formatMetric(fit.slope, 3)}); ${stats}.` : ".") +
    ` Points: ${points.map((p) => `${p.label} (${formatMetric(p.x, 3)}, ${formatMetric(p.y, 2)})`).join("; ")}.`;
  const right = (p: TrendPoint) => L.x(p.x) > (L.left + L.right) / 2;
  const marks = html`${line && html`<path class="trend-line" d="${line}"></path>`}<path class="trend-dots" d="${dotsPath(
    points.map((p) => [L.x(p.x), L.y(p.y)]),
    4,
  )}"></path>${
    points.length <= 12 &&
    points.map((p) => html`<text x="${L.x(p.x) + (right(p) ? -7 : 7)}" y="${L.y(p.y) - 6}" text-anchor="${right(p) ? "end" : "start"}">${p.label}</text>`)
  }`;
  return html`<figure class="plot">${plotFrame(L, { id, title: `${yLabel} against ${xLabel}`, desc, xLabel, yLabel }, marks)}<figcaption>${stats}</figcaption></figure>`.markup;
}
