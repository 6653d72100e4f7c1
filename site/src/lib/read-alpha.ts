import type { Num } from "../../../shared/report/schema.ts";

export type AlphaVerdict = "well-trained" | "over-trained" | "under-trained" | "spurious" | "fit-failed";

export interface AlphaReading {
  verdict: AlphaVerdict;
  /** a short label for chips and table cells */
  label: string;
  /** a plain sentence for people who do not know the method */
  sentence: string;
}

/**
 * The plain reading of a power-law exponent α (docs/metrics.md): 2–6 well trained, below 2
 * over-trained (very heavy-tailed), above 6 under-trained, above 8 usually a spurious fit. The
 * reference marks a failed fit with α = −1; say "fit failed" instead of "over-trained" there.
 */
export function readAlpha(alpha: Num | undefined): AlphaReading {
  if (alpha === null || alpha === undefined || !(alpha > 0)) {
    return { verdict: "fit-failed", label: "fit failed", sentence: "The power-law fit failed, so α says nothing here." };
  }
  if (alpha < 2) {
    return {
      verdict: "over-trained",
      label: "over-trained",
      sentence: "α below 2: a very heavy-tailed spectrum, typical of over-training or over-fitting.",
    };
  }
  if (alpha <= 6) {
    return { verdict: "well-trained", label: "well-trained", sentence: "α between 2 and 6: the range of well-trained layers." };
  }
  if (alpha <= 8) {
    return {
      verdict: "under-trained",
      label: "under-trained",
      sentence: "α above 6: a light tail, typical of under-trained layers.",
    };
  }
  return {
    verdict: "spurious",
    label: "spurious fit?",
    sentence: "α above 8: usually a spurious fit, the spectrum is hardly heavy-tailed at all.",
  };
}
