import { alphaVerdict, type AlphaVerdict } from "../format/alpha-verdict.ts";
import { formatMetric } from "../format/format-metric.ts";
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

/** Each reading's colour; a well-trained model with failed layers is drawn yellow instead. */
const VERDICT_COLOR: Record<AlphaVerdict, BadgeColor> = {
  "well-trained": "brightgreen",
  "over-trained": "orange",
  "under-trained": "yellow",
  spurious: "yellow",
  "fit-failed": "red",
};

/**
 * What a model's badge says: the mean α over layers whose power-law fit succeeded, printed and read
 * as the site and the CLI print and read it (shared/format: `formatMetric(α, 2)` and
 * `alphaVerdict`, i.e. docs/metrics.md's 2–6 well trained, < 2 over-trained, > 6 under-trained,
 * above 8 a probably spurious fit). The reference's own mean counts failed fits as α = −1, which
 * would mislead on a badge.
 * `successfulFitAlpha` is `report.summary.successful_fits.alpha` (null when no fit succeeded);
 * `null` instead of a reading (no report yet) gives the neutral "not analysed" badge. Layers that
 * failed (`layersFailed`, e.g. NaN weights) are named on the badge: its α is then over the rest.
 */
export function badgeContent(reading: { successfulFitAlpha: Num; layersFailed?: number } | null): BadgeContent {
  if (reading === null) return { label: LABEL, message: "not analysed", color: "lightgrey" };
  const failed = reading.layersFailed ?? 0;
  const partial = failed > 0 ? ` · ${failed} ${failed === 1 ? "layer" : "layers"} failed` : "";
  const alpha = reading.successfulFitAlpha;
  const { verdict, label } = alphaVerdict(alpha);
  if (verdict === "fit-failed") return { label: LABEL, message: `${label}${partial}`, color: VERDICT_COLOR[verdict] };
  const color = verdict === "well-trained" && failed > 0 ? "yellow" : VERDICT_COLOR[verdict];
  return { label: LABEL, message: `${formatMetric(alpha, 2)} ${label}${partial}`, color };
}
