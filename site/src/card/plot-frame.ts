import type { PlotLayout } from "../lib/plot-layout.ts";
import { html, type Html, type Part } from "./html.ts";

export interface PlotText {
  /** unique on the page: names the title, description and clip path */
  id: string;
  title: string;
  /** the text alternative: what the plot shows, in words */
  desc: string;
  xLabel: string;
  yLabel: string;
}

/** A plot's SVG: axes, ticks, grid and labels; `marks` are clipped to the data area, `overlay` is not. */
export function plotFrame(L: PlotLayout, text: PlotText, marks: Part, overlay: Part = null): Html {
  const { id } = text;
  return html`<svg viewBox="0 0 ${L.width} ${L.height}" width="${L.width}" height="${L.height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${id}-title">${text.title}</title><desc id="${id}-desc">${text.desc}</desc><defs><clipPath id="${id}-clip"><rect x="${L.left}" y="${L.top}" width="${L.right - L.left}" height="${L.bottom - L.top}"></rect></clipPath></defs><g class="grid" aria-hidden="true">${L.yTicks.map(
    (t) => html`<line x1="${L.left}" x2="${L.right}" y1="${t.at}" y2="${t.at}"></line>`,
  )}</g><g aria-hidden="true"><line class="axis-line" x1="${L.left}" x2="${L.right}" y1="${L.bottom}" y2="${L.bottom}"></line><line class="axis-line" x1="${L.left}" x2="${L.left}" y1="${L.top}" y2="${L.bottom}"></line>${L.xTicks.map(
    (t) => html`<line class="axis-line" x1="${t.at}" x2="${t.at}" y1="${L.bottom}" y2="${L.bottom + 4}"></line><text x="${t.at}" y="${L.bottom + 16}" text-anchor="middle">${t.label}</text>`,
  )}${L.yTicks.map((t) => html`<text x="${L.left - 6}" y="${t.at + 4}" text-anchor="end">${t.label}</text>`)}<text class="axis-title" x="${(L.left + L.right) / 2}" y="${L.height - 4}" text-anchor="middle">${text.xLabel}</text><text class="axis-title" transform="translate(12 ${(L.top + L.bottom) / 2}) rotate(-90)" text-anchor="middle">${text.yLabel}</text></g><g clip-path="url(#${id}-clip)">${marks}</g>${overlay}</svg>`;
}
