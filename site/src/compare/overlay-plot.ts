import { html, type Html } from "../card/html.ts";
import { plotFrame } from "../card/plot-frame.ts";
import { niceTicks } from "../lib/nice-ticks.ts";
import { plotLayout } from "../lib/plot-layout.ts";
import { dotsPath, linePath } from "../lib/svg-paths.ts";
import type { MatchedLayer } from "./match-layers.ts";

const METRICS = {
  alpha: { label: "α", title: "α per layer against depth", cap: 15 },
  log_alpha_norm: { label: "log α-norm", title: "log α-norm per layer against depth", cap: Infinity },
} as const;

/**
 * One metric of both models' layers against depth, overlaid: the union of their layer names in
 * depth order on x, model a solid, model b dashed (the card's correlation-flow frame and colours).
 * α is drawn only where the fit succeeded, and capped at 15 as on the card.
 */
export function overlayPlot(id: string, matched: readonly MatchedLayer[], metric: keyof typeof METRICS, names: { a: string; b: string }): Html {
  const spec = METRICS[metric];
  const valueOf = (layer: MatchedLayer["a"]) => {
    const v = layer?.[metric];
    return typeof v === "number" && Number.isFinite(v) && (metric !== "alpha" || v > 0) ? Math.min(v, spec.cap) : null;
  };
  const series = (side: "a" | "b") => matched.flatMap((m, depth) => (valueOf(m[side]) === null ? [] : [[depth, valueOf(m[side]) as number] as const]));
  const a = series("a");
  const b = series("b");
  const values = [...a, ...b].map(([, v]) => v);
  const lo = metric === "alpha" ? 0 : Math.floor(Math.min(...values, 0));
  const hi = Math.max(Math.ceil(Math.max(...values, lo + 1) * 1.05), lo + 1);
  const n = matched.length;
  const L = plotLayout({
    width: 760,
    height: 280,
    margin: { top: 14, right: 16, bottom: 42, left: 46 },
    xDomain: [-0.5, Math.max(n - 0.5, 0.5)],
    yDomain: [lo, hi],
    xTicks: niceTicks(0, Math.max(n - 1, 1), 8).filter(Number.isInteger),
    yTicks: niceTicks(lo, hi, 6),
  });
  const at = ([depth, v]: readonly [number, number]): [number, number] => [L.x(depth), L.y(v)];
  const radius = n > 200 ? 2 : n > 60 ? 2.6 : 3.4;
  const band = metric === "alpha" && html`<rect class="band" x="${L.left}" width="${L.right - L.left}" y="${L.y(Math.min(6, hi))}" height="${L.y(2) - L.y(Math.min(6, hi))}"></rect>`;
  const marks = html`${band}<path class="series-a-line" d="${linePath(a.map(at))}"></path><path class="series-a" d="${dotsPath(a.map(at), radius)}"></path><path class="series-b-line" d="${linePath(
    b.map(at),
  )}"></path><path class="series-b" d="${dotsPath(b.map(at), radius)}"></path>`;
  const desc = `${spec.title} for ${n} layer names in depth order: ${a.length} values of ${names.a}, ${b.length} of ${names.b}. The table of layers that moved most lists the largest differences.`;
  const frame = plotFrame(L, { id, title: `${spec.title}, both models`, desc, xLabel: "layer, in depth order (block, then position in the block)", yLabel: spec.label }, marks);
  return html`<figure class="plot wide" data-overlay="${metric}">${frame}<ul class="legend"><li class="series-a"><span class="swatch line"></span><span class="muted">${names.a}</span></li><li class="series-b"><span class="swatch line dashed"></span><span class="muted">${names.b}</span></li></ul></figure>`;
}
