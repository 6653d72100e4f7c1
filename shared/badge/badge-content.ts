import type { Num } from "../report/schema.ts";

/** shields.io's named colours and the hex values its badges draw them with. */
export const BADGE_COLORS = {
  brightgreen: "#4c1",
  orange: "#fe7d37",
  yellow: "#dfb317",
  red: "#e05d44",
  lightgrey: "#9f9f9f",
} as const;

export type BadgeColor = keyof typeof BADGE_COLORS;

export interface BadgeContent {
  label: string;
  message: string;
  color: BadgeColor;
}

const LABEL = "heavytail α";

/**
 * What a model's badge says: the mean α over layers whose power-law fit succeeded, with the plain
 * reading of docs/metrics.md (2–6 well trained, < 2 over-trained, > 6 under-trained). The
 * reference's own mean counts failed fits as α = −1, which would mislead on a badge.
 * `successfulFitAlpha` is `report.summary.successful_fits.alpha` (null when no fit succeeded);
 * `null` instead of a reading (no report yet) gives the neutral "not analysed" badge. Layers that
 * failed (`layersFailed`, e.g. NaN weights) are named on the badge: its α is then over the rest.
 */
export function badgeContent(reading: { successfulFitAlpha: Num; layersFailed?: number } | null): BadgeContent {
  if (reading === null) return { label: LABEL, message: "not analysed", color: "lightgrey" };
  const failed = reading.layersFailed ?? 0;
  const partial = failed > 0 ? ` · ${failed} ${failed === 1 ? "layer" : "layers"} failed` : "";
  const alpha = reading.successfulFitAlpha;
  if (alpha === null || !Number.isFinite(alpha)) {
    return { label: LABEL, message: `fit failed${partial}`, color: "red" };
  }
  const value = alpha.toFixed(2);
  if (alpha < 2) return { label: LABEL, message: `${value} over-trained${partial}`, color: "orange" };
  if (alpha > 6) return { label: LABEL, message: `${value} under-trained${partial}`, color: "yellow" };
  return { label: LABEL, message: `${value} well-trained${partial}`, color: failed > 0 ? "yellow" : "brightgreen" };
}
