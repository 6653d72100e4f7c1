import { BADGE_COLORS, type BadgeContent } from "./badge-content.ts";
import { escapeMarkup } from "../web/escape-markup.ts";
import { textWidth } from "./text-width.ts";

const HEIGHT = 20;
const PADDING = 6;
const LABEL_COLOR = "#555";

/**
 * A flat badge in the shields.io look: label on grey, message on the colour. Accessible: `role="img"`,
 * an `aria-label` and a `<title>` say the same as the pixels. All text is escaped; a `link`
 * (same-origin path or URL) wraps the badge where the SVG is opened directly.
 */
export function renderBadgeSvg(content: BadgeContent, options: { link?: string } = {}): string {
  const labelWidth = Math.round(textWidth(content.label) + 2 * PADDING);
  const messageWidth = Math.round(textWidth(content.message) + 2 * PADDING);
  const width = labelWidth + messageWidth;
  const fill = BADGE_COLORS[content.color];
  const text = escapeMarkup(`${content.label}: ${content.message}`);
  const label = escapeMarkup(content.label);
  const message = escapeMarkup(content.message);
  const body = [
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${width}" height="${HEIGHT}" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${labelWidth}" height="${HEIGHT}" fill="${LABEL_COLOR}"/><rect x="${labelWidth}" width="${messageWidth}" height="${HEIGHT}" fill="${fill}"/><rect width="${width}" height="${HEIGHT}" fill="url(#s)"/></g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="${labelWidth / 2}" y="15" fill="#010101" fill-opacity=".3" aria-hidden="true">${label}</text><text x="${labelWidth / 2}" y="14">${label}</text>`,
    `<text x="${labelWidth + messageWidth / 2}" y="15" fill="#010101" fill-opacity=".3" aria-hidden="true">${message}</text><text x="${labelWidth + messageWidth / 2}" y="14">${message}</text>`,
    `</g>`,
  ].join("");
  const linked = options.link === undefined ? body : `<a href="${escapeMarkup(options.link)}" target="_top">${body}</a>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" role="img" aria-label="${text}">` +
    `<title>${text}</title>${linked}</svg>`
  );
}
