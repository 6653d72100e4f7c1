import { OVER_TRAINED_BELOW, UNDER_TRAINED_ABOVE } from "../fit/fit-power-law.ts";

// the band's edges, for the front ends that draw or name it
export { OVER_TRAINED_BELOW, UNDER_TRAINED_ABOVE };

/**
 * What a power-law exponent α says about a layer or a model, the one reading every front end
 * shows (CLI table, site, badge). The reference rule (docs/metrics.md §4, the report's `warning`):
 * α < 2 over-trained, α > 6 under-trained, 2 ≤ α ≤ 6 well trained (both ends included). Two
 * refinements for people: above 8 the fit is usually spurious (a kind of under-trained reading,
 * the site's and the method page's), and a failed fit (the reference's α = −1, or no α at all)
 * says "fit failed" instead of the reference's "over-trained".
 */
export type AlphaVerdict = "well-trained" | "over-trained" | "under-trained" | "spurious" | "fit-failed";

export interface AlphaReading {
  verdict: AlphaVerdict;
  /** a short label for chips, table cells and badges */
  label: string;
  /** a plain sentence for people who do not know the method */
  sentence: string;
}

/** Above this α the fit is usually spurious. */
export const SPURIOUS_ABOVE = 8;

const READINGS: Record<AlphaVerdict, AlphaReading> = {
  "fit-failed": { verdict: "fit-failed", label: "fit failed", sentence: "The power-law fit failed, so α says nothing here." },
  "over-trained": {
    verdict: "over-trained",
    label: "over-trained",
    sentence: `α below ${OVER_TRAINED_BELOW}: a very heavy-tailed spectrum, typical of over-training or over-fitting.`,
  },
  "well-trained": { verdict: "well-trained", label: "well-trained", sentence: `α between ${OVER_TRAINED_BELOW} and ${UNDER_TRAINED_ABOVE}: the range of well-trained layers.` },
  "under-trained": { verdict: "under-trained", label: "under-trained", sentence: `α above ${UNDER_TRAINED_ABOVE}: a light tail, typical of under-trained layers.` },
  spurious: {
    verdict: "spurious",
    label: "spurious fit?",
    sentence: `α above ${SPURIOUS_ABOVE}: usually a spurious fit, the spectrum is hardly heavy-tailed at all.`,
  },
};

/** The reading of α, decided on the value itself (not on its rounded display). */
export function alphaVerdict(alpha: number | null | undefined): AlphaReading {
  if (alpha === null || alpha === undefined || !Number.isFinite(alpha) || !(alpha > 0)) return { ...READINGS["fit-failed"] };
  if (alpha < OVER_TRAINED_BELOW) return { ...READINGS["over-trained"] };
  if (alpha <= UNDER_TRAINED_ABOVE) return { ...READINGS["well-trained"] };
  if (alpha <= SPURIOUS_ABOVE) return { ...READINGS["under-trained"] };
  return { ...READINGS.spurious };
}
