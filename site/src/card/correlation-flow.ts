import type { AnalysedLayer } from "#shared/report";
import { OVER_TRAINED_BELOW, SPURIOUS_ABOVE, UNDER_TRAINED_ABOVE } from "#shared/format";
import { compareLayerNames } from "../lib/compare-layer-names.ts";
import { LAYER_ROLES, layerRole } from "../lib/layer-role.ts";
import { niceTicks } from "../lib/nice-ticks.ts";
import { plotLayout } from "../lib/plot-layout.ts";
import { dotsPath, linePath, trianglesPath } from "../lib/svg-paths.ts";
import { html, type Html } from "./html.ts";
import { plotFrame } from "./plot-frame.ts";

/** α of every layer against depth (block, then position in the block), coloured by what the layer does. */
export function correlationFlow(id: string, layers: readonly AnalysedLayer[]): Html {
  const ordered = [...layers].sort((a, b) => compareLayerNames(a.name, b.name));
  const points = ordered.map((layer, depth) => ({ layer, depth, role: layerRole(layer.name, layer.layer_type), alpha: layer.alpha ?? 0 }));
  const fitted = points.filter((p) => p.alpha > 0);
  const failed = points.filter((p) => !(p.alpha > 0));
  const highest = Math.max(8.5, ...fitted.map((p) => p.alpha));
  // α far above 8 is a spurious fit: cap the axis so the informative range keeps its room
  const yMax = Math.min(Math.ceil(highest * 1.05), 15);
  const n = ordered.length;
  const L = plotLayout({
    width: 760,
    height: 300,
    margin: { top: 14, right: 16, bottom: 42, left: 46 },
    xDomain: [-0.5, Math.max(n - 0.5, 0.5)],
    yDomain: [0, yMax],
    xTicks: niceTicks(0, Math.max(n - 1, 1), 8).filter(Number.isInteger),
    yTicks: niceTicks(0, yMax, 6),
  });
  const at = (p: (typeof points)[number]): [number, number] => [L.x(p.depth), L.y(Math.min(p.alpha, yMax))];
  const radius = n > 200 ? 2.2 : n > 60 ? 3 : 4;
  const byRole = LAYER_ROLES.map((role) => {
    const mine = fitted.filter((p) => p.role === role);
    return {
      role,
      count: mine.length,
      dots: dotsPath(mine.filter((p) => p.alpha <= yMax).map(at), radius),
      capped: trianglesPath(mine.filter((p) => p.alpha > yMax).map((p) => [L.x(p.depth), L.top + 1]), 3.5),
    };
  }).filter((r) => r.count > 0);
  const failedMarks = failed.map((p) => `M${L.x(p.depth) - 3} ${L.bottom - 9}l6 6m-6 0l6 -6`).join("");
  const inBand = fitted.filter((p) => p.alpha >= OVER_TRAINED_BELOW && p.alpha <= UNDER_TRAINED_ABOVE).length;
  const below = fitted.filter((p) => p.alpha < OVER_TRAINED_BELOW).length;
  const above = fitted.length - inBand - below;
  const desc =
    `Power-law exponent α of ${n} layers in depth order. ${inBand} lie in the well-trained band ${OVER_TRAINED_BELOW} to ${UNDER_TRAINED_ABOVE}, ` +
    `${below} below ${OVER_TRAINED_BELOW}, ${above} above ${UNDER_TRAINED_ABOVE}` +
    (failed.length ? `; ${failed.length} fits failed (marked with crosses on the axis)` : "") +
    `. The layer table below lists every value.`;
  const marks = html`<rect class="band" x="${L.left}" width="${L.right - L.left}" y="${L.y(UNDER_TRAINED_ABOVE)}" height="${L.y(OVER_TRAINED_BELOW) - L.y(UNDER_TRAINED_ABOVE)}"></rect><line class="ref-line" x1="${L.left}" x2="${L.right}" y1="${L.y(SPURIOUS_ABOVE)}" y2="${L.y(SPURIOUS_ABOVE)}"></line><path class="flow-line" d="${linePath(
    fitted.map(at),
  )}"></path>${byRole.map((r) => html`<path class="role-${r.role}" d="${r.dots + r.capped}"></path>`)}${failedMarks && html`<path class="rug" d="${failedMarks}"></path>`}`;
  const overlay = html`<text x="${L.right - 4}" y="${L.y(SPURIOUS_ABOVE) - 4}" text-anchor="end">α = ${SPURIOUS_ABOVE}: fits above are usually spurious</text><text x="${L.right - 4}" y="${L.y(UNDER_TRAINED_ABOVE) + 13}" text-anchor="end">${OVER_TRAINED_BELOW} ≤ α ≤ ${UNDER_TRAINED_ABOVE}: well trained</text>`;
  const frame = plotFrame(
    L,
    { id, title: "Correlation flow: α per layer against depth", desc, xLabel: "layer, in depth order (block, then position in the block)", yLabel: "α" },
    marks,
    overlay,
  );
  return html`<figure class="plot wide">${frame}<ul class="legend">${byRole.map(
    (r) => html`<li class="role-${r.role}"><span class="swatch"></span><span class="muted">${r.role} (${r.count})</span></li>`,
  )}${failed.length > 0 && html`<li>× fit failed (${failed.length})</li>`}${fitted.some((p) => p.alpha > yMax) && html`<li>▲ α above ${yMax}</li>`}</ul></figure>`;
}
